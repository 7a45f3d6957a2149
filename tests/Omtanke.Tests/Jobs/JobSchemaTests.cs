using Npgsql;
using Omtanke.Tests.Support;
using Omtanke.Web.Hosting;

namespace Omtanke.Tests.Jobs;

/// <summary>Issue 22: two instances started at once on an empty database both installed Hangfire's schema and logged an error.</summary>
public sealed class JobSchemaTests
{
    [Test]
    public async Task Instances_starting_at_once_on_an_empty_database_install_the_job_schema_once_without_an_error()
    {
        await using var db = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => JobServer.InstallSchemaAsync(db, default))));

        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM hangfire.schema", conn);
        Assert.That(await cmd.ExecuteScalarAsync(), Is.EqualTo(1L), "one row: the schema's version, installed once");
    }
}
