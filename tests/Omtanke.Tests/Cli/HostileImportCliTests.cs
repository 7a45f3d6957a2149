using Npgsql;

namespace Omtanke.Tests.Cli;

/// <summary>Issue 22 through the command line: files that ended in a stack trace are rejected with exit 1 and their errors.</summary>
public sealed class HostileImportCliTests
{
    [TestCase("0001-01-01")]
    [TestCase("9999-12-31")]
    public async Task A_sip_file_dated_year_1_or_9999_is_rejected_with_exit_1_not_a_stack_trace(string date)
    {
        using var folder = new TempFolder();
        folder.WriteText("sip.csv", Extracts.Lines("sip_id;kommunkod;datum;status;malgrupp", [$"S1;1380;{date};genomford;aldre"]));
        var database = await TestPostgres.CreateDatabaseAsync();

        var result = await CliProcess.RunAsync(CliEnvironment.For(database, folder.Path), "import", "sip.csv");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.Stdout, Does.StartWith("sip.csv: avvisad (sip): 1 fel, inget importerades\n" +
            $"  rad 2, kolumn datum, värde \"{date}\": Datumet är inte rimligt: det ska ligga mellan 1990-01-01 och"));
        await using var db = NpgsqlDataSource.Create(database);
        Assert.That(await ServiceExtensions.RowsAsync(db, "SELECT count(*) FROM fact_sip"), Is.EqualTo(new[] { "0" }));
    }
}
