using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Omtanke.Core.Samples;
using Omtanke.Core.Storage;
using Omtanke.Tests.Support;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Jobs;

public sealed class CrashRecoveryTests
{
    [Test]
    public async Task A_service_killed_mid_import_loses_nothing_and_counts_nothing_twice_after_restart()
    {
        var work = Directory.CreateTempSubdirectory("omtanke-crash-");
        var inbox = Path.Combine(work.FullName, "inbox");
        var file = Path.Combine(work.FullName, "utskrivningsklara.csv");
        long rows;
        await using (var writer = new StreamWriter(file))
            rows = SampleGenerator.Write("utskrivningsklara", writer, new SampleOptions { Scale = 10, Months = 12 });
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(connectionString);

        string jobId;
        await using (var first = await ServeProcess.StartAsync(connectionString, inbox))
        {
            var key = await new ApiKeyStore(db).CreateAsync("leverantör", Roles.Analyst, null, "test");
            var response = await first.Client(key).PostAsync("/api/imports", new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", "utskrivningsklara.csv" },
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;

            await WaitUntilAsync(() => ImportTransactionOpenAsync(db), "the import transaction to begin");
            await first.KillAsync();
        }
        await WaitUntilAsync(async () => !await ImportTransactionOpenAsync(db), "the killed import to roll back");
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync(db, "SELECT count(*) FROM deliveries"), Is.Zero, "no delivery from the killed run");
            Assert.That(await CountAsync(db, "SELECT count(*) FROM fact_utskrivningsklara"), Is.Zero, "no rows from the killed run");
            Assert.That(await CountAsync(db, "SELECT count(*) FROM indicator_values"), Is.Zero);
        });

        await using var second = await ServeProcess.StartAsync(connectionString, inbox);
        var key2 = await new ApiKeyStore(db).CreateAsync("leverantör 2", Roles.Analyst, null, "test");
        var client = second.Client(key2);
        var job = await WaitForJobAsync(client, jobId, second);
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("importerad"), second.Output);

        var again = await client.PostAsync("/api/imports", new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", "utskrivningsklara igen.csv" },
        });
        var againId = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        Assert.That((await WaitForJobAsync(client, againId, second)).GetProperty("status").GetString(), Is.EqualTo("oförändrad"));

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync(db, "SELECT count(*) FROM deliveries WHERE status = 'accepted'"), Is.EqualTo(1));
            Assert.That(await CountAsync(db, "SELECT count(*) FROM fact_utskrivningsklara"), Is.EqualTo(rows), "every row, once");
            Assert.That(await CountAsync(db, "SELECT count(*) FROM indicator_values WHERE indicator_id = 'uk_medeldagar_somatik'"), Is.GreaterThan(0));
            Assert.That(Directory.GetFiles(Path.Combine(inbox, "processing")), Is.Empty);
        });
        work.Delete(recursive: true);
    }

    /// <summary>The Importer holds its source's transaction-level advisory lock exactly while its transaction is open.</summary>
    private static async Task<bool> ImportTransactionOpenAsync(NpgsqlDataSource db) =>
        await CountAsync(db, """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND objsubid = 1 AND granted
              AND ((classid::bigint << 32) | objid::bigint) = hashtext('import:utskrivningsklara')::bigint
            """) > 0;

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (long)(await Sql.ScalarAsync(conn, sql, default))!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(20);
        }
    }

    private static async Task<JsonElement> WaitForJobAsync(HttpClient client, string jobId, ServeProcess serve)
    {
        JsonElement job = default;
        try
        {
            await WaitUntilAsync(async () =>
            {
                job = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{jobId}");
                return job.GetProperty("state").GetString() is "klar" or "misslyckades";
            }, $"job {jobId}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last state: {job}\n{serve.Output}");
        }
        return job;
    }
}
