using System.Security.Cryptography;
using ClosedXML.Excel;
using Omtanke.Cli;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Tests.Reporting;

namespace Omtanke.Tests.Meetings;

/// <summary>The meeting rows of CLI.md (approve, revisions, report --as-presented), run in-process, each on its own database.</summary>
[NonParallelizable]
public sealed class MeetingCommandTests
{
    private OmtankeService _service = null!;
    private InProcessCli _cli = null!;
    private string _dir = null!;

    [SetUp]
    public async Task ImportAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        _service = await OmtankeService.OpenAsync(new OmtankeSettings(connectionString, TestPostgres.PatientKey, 5, Path.GetTempPath()));
        await ReportTestData.ImportAsync(_service);
        _cli = new InProcessCli(connectionString);
        _dir = Path.Combine(Path.GetTempPath(), "omtanke-meeting-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _service.DisposeAsync();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Approve_prints_only_the_snapshot_id_and_audits_who_approved()
    {
        var (code, output, error) = await _cli.RunAsync("approve", "--month", "2024-02", "--by", "Indikatorgruppen");

        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        var id = await _service.ScalarAsync<long>("SELECT max(id) FROM meeting_snapshots");
        Assert.That(output, Is.EqualTo($"{id}{Environment.NewLine}"));
        Assert.That(await _service.RowsAsync("SELECT actor, subject FROM audit_log WHERE action = 'fastställ'"),
            Is.EqualTo(new[] { "Indikatorgruppen|2024-02" }));
    }

    [Test]
    public async Task Revisions_prints_the_CSV_of_CLI_md_with_the_snapshot_its_cause_and_whether_it_is_material()
    {
        var snapshot = (await _cli.RunAsync("approve", "--month", "2024-02")).Out.Trim();
        await _service.CorrectVarbergFebruaryAsync();

        var (code, output, error) = await _cli.RunAsync("revisions");

        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("indicator;area;period;presented;current;presented_status;current_status;snapshot;cause;material"));
        var changed = lines.Skip(1).Select(l => l.Split(';')).Where(f => f[1] == MeetingTestSupport.Varberg && f[3] != f[4]).ToList();
        // Disclosure control decides over the whole year at once: a corrected February may hide or show another month
        // of the quarter, which is a revision of that month's published value, never of its number.
        Assert.That(changed.Where(f => f[2] != "2024-02").Select(f => string.Join(';', f)),
            Is.All.Matches<string>(l => l.Split(';')[3] is ".." or "<5" || l.Split(';')[4] is ".." or "<5"));
        var varberg = changed.Where(f => f[2] == "2024-02").ToList();
        Assert.That(varberg, Is.Not.Empty);
        foreach (var f in varberg)
        {
            Assert.That(f, Has.Length.EqualTo(10), string.Join(';', f));
            Assert.That(f[7], Is.EqualTo(snapshot));
            Assert.That(f[8], Is.EqualTo(MeetingTestSupport.CorrectionFile));
            Assert.That(f[9], Is.EqualTo("true").Or.EqualTo("false"));
        }
        var keys = lines.Skip(1).Select(l => string.Join('\u0001', l.Split(';')[..3])).ToList();
        Assert.That(keys, Is.EqualTo(keys.Order(StringComparer.Ordinal)), "sorted like values");
    }

    [Test]
    public async Task The_as_presented_workbook_is_byte_for_byte_the_one_frozen_at_approval_after_a_correction()
    {
        await _cli.RunAsync("approve", "--month", "2024-02");
        var frozen = await _service.ScalarAsync<string>("SELECT encode(sha256(workbook), 'hex') FROM meeting_snapshots");
        await _service.CorrectVarbergFebruaryAsync();

        var (code, output, error) = await _cli.RunAsync("report", "--period", "2024-02", "--as-presented", "--out", _dir);

        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        var path = Path.Combine(_dir, MonthlyReport.FileName(MeetingTestSupport.February));
        Assert.That(output, Does.Contain(path));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), Is.EqualTo(frozen));
        var revision = (await _service.RevisionsAsync()).First(r => r.Area == MeetingTestSupport.Varberg && r.Presented.Shown.Number is not null
            && r.Current.Shown.Number is not null && r.Presented.Text != r.Current.Text);
        // Excel keeps 15 significant digits.
        Assert.That(SummaryValue(path, revision.Indicator, "Varberg"), Is.EqualTo(revision.Presented.Shown.Number!.Value).Within(1e-9m));
        Assert.That(SummaryValue(path, revision.Indicator, "Varberg"), Is.Not.EqualTo(revision.Current.Shown.Number!.Value).Within(1e-9m));
    }

    [Test]
    public async Task The_as_presented_report_of_a_month_never_approved_exits_1_and_says_how_to_approve()
    {
        var (code, output, error) = await _cli.RunAsync("report", "--period", "2024-02", "--as-presented", "--out", _dir);

        Assert.That(code, Is.EqualTo(CommandLine.NotApproved), output);
        Assert.That(error, Does.Contain("februari 2024").And.Contain("approve --month 2024-02"));
        Assert.That(Directory.Exists(_dir) && Directory.EnumerateFiles(_dir).Any(), Is.False);
    }

    [TestCase("approve", TestName = "Approve without a month is a usage error")]
    [TestCase("approve", "--month", "2024-13", TestName = "Approve with a month that does not exist is a usage error")]
    [TestCase("revisions", "--month", "maj", TestName = "Revisions with a month not written yyyy-MM is a usage error")]
    [TestCase("report", "--quarter", "2024-Q1", "--as-presented", "--out", "x", TestName = "A quarter as presented is a usage error")]
    public async Task Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (code, _, error) = await _cli.RunAsync(args);

        Assert.That(code, Is.EqualTo(CommandLine.UsageOrFailure));
        Assert.That(error, Does.StartWith("Fel: "));
    }

    /// <summary>The number in Sammanfattning's first value column for the indicator's block and the area's row.</summary>
    private static decimal SummaryValue(string path, string indicatorId, string areaName)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Sammanfattning");
        var band = IndicatorTexts.NameWithUnit(IndicatorCatalog.Find(indicatorId)!);
        var inBlock = false;
        foreach (var row in sheet.RowsUsed())
        {
            var first = row.Cell(1).GetString();
            if (first.StartsWith(band, StringComparison.Ordinal)) inBlock = true;
            else if (inBlock && first == areaName) return row.Cell(2).GetValue<decimal>();
        }
        throw new AssertionException($"{indicatorId} {areaName} is not in Sammanfattning");
    }
}
