using Omtanke.Cli;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Reporting;

/// <summary>The <c>report</c> and <c>extract</c> commands of CLI.md, run in-process against a test database.</summary>
[NonParallelizable]
public sealed class ReportCommandTests
{
    private string _dir = null!;
    private readonly Dictionary<string, string?> _saved = [];

    [OneTimeSetUp]
    public async Task ImportAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var service = await OmtankeService.OpenAsync(new OmtankeSettings(connectionString, TestPostgres.PatientKey, 5, Path.GetTempPath())))
            await ReportTestData.ImportAsync(service);
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     [OmtankeSettings.ConnectionVariable] = connectionString,
                     [OmtankeSettings.PatientKeyVariable] = TestPostgres.PatientKey,
                 })
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
        _dir = Path.Combine(Path.GetTempPath(), "omtanke-cli-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [OneTimeTearDown]
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task Report_for_a_month_writes_the_Indikatorrapport_and_its_charts()
    {
        var (code, output, error) = await RunAsync("report", "--period", "2024-03", "--out", _dir);
        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        var workbook = Path.Combine(_dir, "Indikatorrapport-2024-03.xlsx");
        Assert.That(output, Does.Contain(workbook).And.Contain("mars 2024"));
        Assert.That(File.Exists(workbook), Is.True);
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "Indikatorrapport-2024-03-diagram"), "*.png"), Is.Not.Empty);
    }

    [Test]
    public async Task Report_for_a_quarter_writes_the_workbook_and_the_page()
    {
        var (code, output, error) = await RunAsync("report", "--quarter", "2024-Q1", "--out", _dir);
        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        Assert.That(File.Exists(Path.Combine(_dir, "RUG-uppfoljning-2024-Q1.xlsx")), Is.True);
        Assert.That(File.Exists(Path.Combine(_dir, "RUG-uppfoljning-2024-Q1.html")), Is.True);
        Assert.That(output, Does.Contain("kvartal 1 2024"));
    }

    [Test]
    public async Task Extract_writes_the_municipalitys_workbook()
    {
        var (code, output, error) = await RunAsync("extract", "--kommun", "1383", "--from", "2023-04", "--to", "2024-03", "--out", _dir);
        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        Assert.That(File.Exists(Path.Combine(_dir, "Lokalt-uttag-1383-Varberg-2023-04-2024-03.xlsx")), Is.True, output);
    }

    [Test]
    public async Task Demo_writes_the_reports_of_the_latest_month_with_values()
    {
        var settings = OmtankeSettings.FromEnvironment(Path.GetTempPath());
        var dir = Path.Combine(_dir, "demo");
        var output = new StringWriter();
        await using (var service = await OmtankeService.OpenAsync(settings))
            await ReportCommand.WriteLatestAsync(service, settings, dir, output);
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "Indikatorrapport-2024-03.xlsx", "RUG-uppfoljning-2024-Q1.xlsx", "RUG-uppfoljning-2024-Q1.html",
            "Lokalt-uttag-1380-Halmstad-2023-04-2024-03.xlsx",
        }));
        Assert.That(output.ToString(), Does.Contain("mars 2024"));

        await using var empty = await TestPostgres.CreateServiceAsync();
        var nothing = new StringWriter();
        await ReportCommand.WriteLatestAsync(empty, settings, Path.Combine(_dir, "empty"), nothing);
        Assert.That(nothing.ToString(), Does.Contain("Inga indikatorvärden"));
        Assert.That(Directory.Exists(Path.Combine(_dir, "empty")), Is.False);
    }

    [TestCase("report", "--out", "x")]
    [TestCase("report", "--period", "2024-03", "--quarter", "2024-Q1", "--out", "x")]
    [TestCase("report", "--quarter", "2024-Q5", "--out", "x")]
    [TestCase("report", "--period", "2024-13", "--out", "x")]
    [TestCase("report", "--period", "2024-03")]
    [TestCase("extract", "--kommun", "1399", "--from", "2024-01", "--to", "2024-03", "--out", "x")]
    [TestCase("extract", "--kommun", "1380", "--from", "2024-03", "--to", "2024-01", "--out", "x")]
    [TestCase("extract", "--kommun", "1380", "--from", "2024-01", "--to", "2024-03", "--out", "x", "--format", "csv")]
    public async Task A_usage_error_says_what_to_do_and_exits_2(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.That(code, Is.EqualTo(CommandLine.UsageOrFailure));
        Assert.That(error, Does.StartWith("Fel: "));
    }
}
