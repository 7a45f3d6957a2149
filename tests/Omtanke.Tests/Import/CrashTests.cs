using System.Diagnostics;
using System.Text;
using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Import;

/// <summary>DESIGN.md: a crash mid-import leaves the previous data. The CLI is killed while COPY is loading.</summary>
public sealed class CrashTests
{
    private const int LargeRows = 300_000;

    [Test]
    public async Task A_crash_while_loading_leaves_the_previous_data_untouched_and_the_file_imports_afterwards()
    {
        using var folder = new TempFolder();
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var service = await OmtankeService.OpenAsync(new OmtankeSettings(database, TestPostgres.PatientKey, 5, folder.Path));
        // The previous delivery holds March for every municipality; the large file covers the same slices.
        await service.ImportAcceptedAsync(folder.WriteText("mars.csv",
            Stay.File([.. Extracts.Municipalities.Select((k, i) => new Stay($"M{i}", k, "2024-03-05", i + 1))])));
        await service.ImportAcceptedAsync(folder.WriteText("befolkning.csv", Extracts.BefolkningAllSix(2023)));
        var before = await service.SnapshotAsync();
        Assert.That(before["indicator_values"], Is.Not.Empty);
        WriteLargeFile(folder.File("stor.csv"), LargeRows);
        var env = CliEnvironment.For(database, folder.Path);

        using (var process = CliProcess.Start(env, "import", "stor.csv"))
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var loaded = await WaitUntilCopyHasLoadedAsync(service.Db, process, minimumRows: 20_000);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            Assert.That(loaded, Is.GreaterThanOrEqualTo(20_000).And.LessThan(LargeRows),
                $"the process was killed while loading\n{await stdout}\n{await stderr}");
            Assert.That(await stdout, Does.Not.Contain("importerad"));
        }
        await WaitUntilTheKilledSessionIsGoneAsync(service.Db);

        Rejections.AssertSame(before, await service.SnapshotAsync());

        var again = await CliProcess.RunAsync(env, "import", "stor.csv");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(again.Stdout, Does.StartWith("stor.csv: importerad (utskrivningsklara): 300\u00A0000 rader, 36 delar (månad × kommun), 6 ersatta"));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_utskrivningsklara WHERE current"), Is.EqualTo(LargeRows));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_utskrivningsklara WHERE NOT current"), Is.EqualTo(6));
    }

    /// <summary>Six months (January–June 2024) for the six municipalities: 36 slices.</summary>
    private static void WriteLargeFile(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Extracts.UkHeader());
        writer.Write('\n');
        var start = new DateOnly(2024, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var klar = start.AddDays(i % 170);
            var stay = new Stay($"S{i:D7}", Extracts.Municipalities[i % 6], Stay.Date(klar), i % 9, i % 5 == 0 ? "psykiatri" : "somatik",
                65 + i % 30, Patient: $"19{30 + i % 60:D2}0{1 + i % 9}{10 + i % 18:D2}-{i % 10000:D4}",
                Sjukhus: "Hallands sjukhus", Enhet: "Avd " + i % 40);
            writer.Write(stay.Csv());
            writer.Write('\n');
        }
    }

    /// <summary>Polls COPY progress in the database until the import has loaded at least the rows asked for.</summary>
    private static async Task<long> WaitUntilCopyHasLoadedAsync(NpgsqlDataSource db, Process process, long minimumRows)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            await using (var conn = await db.OpenConnectionAsync())
            {
                var loaded = await Sql.ScalarAsync(conn, """
                    SELECT max(p.tuples_processed) FROM pg_stat_progress_copy p
                    JOIN pg_stat_activity a ON a.pid = p.pid
                    WHERE p.datname = current_database() AND a.query LIKE 'COPY fact_utskrivningsklara %'
                    """, default);
                if (loaded is long n && n >= minimumRows) return n;
            }
            await Task.Delay(20);
        }
        Assert.Fail(process.HasExited ? $"the import ended (exit {process.ExitCode}) before COPY was seen loading" : "COPY was never seen");
        return 0;
    }

    /// <summary>The server ends the killed client's session (and rolls it back) when it notices the closed socket.</summary>
    private static async Task WaitUntilTheKilledSessionIsGoneAsync(NpgsqlDataSource db)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            await using var conn = await db.OpenConnectionAsync();
            var open = await Sql.ScalarAsync(conn, """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND (query LIKE 'COPY %' OR state LIKE 'idle in transaction%' OR state = 'active')
                """, default);
            if (open is 0L) return;
            await Task.Delay(50);
        }
        Assert.Fail("the killed import's session is still open");
    }
}
