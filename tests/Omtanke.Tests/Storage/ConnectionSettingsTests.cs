using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Storage;

/// <summary>OMTANKE_DB as operators write it: long recomputes must not hit the driver's 30-second default.</summary>
public sealed class ConnectionSettingsTests
{
    [Test]
    public async Task A_connection_string_without_a_command_timeout_lets_statements_run_as_long_as_they_need()
    {
        var plain = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync());
        plain.Remove("Command Timeout");
        await using var service = await OmtankeService.OpenAsync(
            new OmtankeSettings(plain.ConnectionString, TestPostgres.PatientKey, 5, Path.GetTempPath()));

        await using var conn = await service.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_sleep(0.1)", conn);
        Assert.That(cmd.CommandTimeout, Is.EqualTo(0));
    }

    [Test]
    public void A_command_timeout_the_operator_set_is_kept()
    {
        var given = "Host=db.example;Database=omtanke;Username=omtanke;Command Timeout=120";
        var builder = new NpgsqlConnectionStringBuilder(OmtankeService.WithoutDefaultCommandTimeout(given));
        Assert.That(builder.CommandTimeout, Is.EqualTo(120));
    }
}
