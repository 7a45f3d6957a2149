using Omtanke.Tests.Support;
using Omtanke.Core.Indicators;

namespace Omtanke.Tests.Indicators;

/// <summary>
/// data-samples/cases/utskrivningsklara: a small extract whose uk_* values were computed by hand (README.md there)
/// into expected.csv, in the exact format of 'values'. The program must print exactly those rows.
/// </summary>
public sealed class UtskrivningsklaraCaseTests
{
    private static string CaseFile(string name) => Path.Combine(RepositoryPaths.Case("utskrivningsklara"), name);

    /// <summary>expected.csv holds months and quarters; each 'values' call prints one period type, in the same order.</summary>
    private static (string[] Months, string[] Quarters) Expected()
    {
        var lines = File.ReadAllLines(CaseFile("expected.csv"));
        Assert.That(lines[0], Is.EqualTo(ValuesCsv.Header));
        var rows = lines.Skip(1).ToArray();
        return ([lines[0], .. rows.Where(r => !r.Split(';')[2].Contains('Q'))], [lines[0], .. rows.Where(r => r.Split(';')[2].Contains('Q'))]);
    }

    [Test]
    public async Task The_cli_prints_the_hand_computed_month_and_quarter_values()
    {
        using var folder = new TempFolder();
        var env = CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);

        var import = await CliProcess.RunAsync(env, "import", CaseFile("utskrivningsklara.csv"), CaseFile("befolkning.csv"));

        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());
        Assert.That(import.StdoutLines, Is.EqualTo(new[]
        {
            "utskrivningsklara.csv: importerad (utskrivningsklara): 14 rader, 6 delar (månad × kommun), 0 ersatta, 1 utomläns",
            "befolkning.csv: importerad (befolkning): 8 rader, 8 delar (månad × kommun), 0 ersatta, 0 utomläns",
        }));

        var months = await CliProcess.RunAsync(env, "values", "--from", "2024-02", "--to", "2024-03");
        var quarters = await CliProcess.RunAsync(env, "values", "--from", "2024-02", "--to", "2024-03", "--period-type", "quarter");

        var (expectedMonths, expectedQuarters) = Expected();
        Assert.That(months.ExitCode, Is.EqualTo(0), months.ToString());
        Assert.That(months.Stdout, Is.EqualTo(string.Join('\n', expectedMonths) + "\n"));
        Assert.That(quarters.ExitCode, Is.EqualTo(0), quarters.ToString());
        Assert.That(quarters.Stdout, Is.EqualTo(string.Join('\n', expectedQuarters) + "\n"));
    }

    [Test]
    public async Task The_values_do_not_depend_on_which_file_is_imported_first()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        await service.ImportAcceptedAsync(CaseFile("befolkning.csv"));
        await service.ImportAcceptedAsync(CaseFile("utskrivningsklara.csv"));

        var (expectedMonths, expectedQuarters) = Expected();
        Assert.That(await service.ValuesLinesAsync("2024-02", "2024-03"), Is.EqualTo(expectedMonths));
        Assert.That(await service.ValuesLinesAsync("2024-02", "2024-03", PeriodType.Quarter), Is.EqualTo(expectedQuarters));
    }
}
