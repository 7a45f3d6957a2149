using ClosedXML.Excel;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Storage;
using Omtanke.Tests.Reporting;

namespace Omtanke.Tests.Meetings;

/// <summary>Issue 26 in the monthly report: Ändrat sedan förra mötet, the comments in Sammanfattning, Uppföljning.</summary>
public sealed class MeetingReportTests
{
    private static readonly DateOnly March = new(2024, 3, 1);
    private string _dir = null!;

    [SetUp]
    public void Folder() => _dir = Path.Combine(Path.GetTempPath(), "omtanke-meeting-report-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public void Remove()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task After_an_approval_the_next_report_opens_with_every_revision_its_cause_and_whether_it_is_material()
    {
        await using var service = await ReportTestData.ServiceAsync();
        await service.ApproveAsync(MeetingTestSupport.February, by: "Indikatorgruppen");
        await service.CorrectVarbergFebruaryAsync();
        var revisions = await service.RevisionsAsync();

        var report = await MonthlyReport.WriteAsync(ReportTestData.Context(service), March, _dir);

        WorkbookChecks.PassesOpenXmlValidator(report.Workbook);
        using var workbook = new XLWorkbook(report.Workbook);
        var sheet = workbook.Worksheets.First();
        Assert.That(sheet.Name, Is.EqualTo(ChangesSheet.Name));
        Assert.That(sheet.Cell(2, 1).GetString(), Does.Contain("februari 2024").And.Contain("Indikatorgruppen"));
        // February's revisions; a correction may also hide or show a value of another month of the year.
        revisions = [.. revisions.Where(r => r.Period == "2024-02")];
        var rows = sheet.RowsUsed().Skip(1).Where(r => r.Cell(3).GetString() == "2024-02").ToList();
        Assert.That(rows, Has.Count.EqualTo(revisions.Count));
        var varberg = rows.Where(r => r.Cell(2).GetString() == "Varberg").ToList();
        Assert.That(varberg, Is.Not.Empty);
        Assert.That(varberg.Select(r => r.Cell(9).GetString()), Is.All.EqualTo(MeetingTestSupport.CorrectionFile));
        Assert.That(rows.Select(r => r.Cell(10).GetString()).Order(),
            Is.EqualTo(revisions.Select(r => r.Material ? "Ja" : "Nej").Order()));
    }

    [Test]
    public async Task Without_an_approval_of_an_earlier_month_the_report_has_no_changes_sheet()
    {
        await using var service = await ReportTestData.ServiceAsync();
        await service.ApproveAsync(March);

        var report = await MonthlyReport.WriteAsync(ReportTestData.Context(service), March, _dir);

        using var workbook = new XLWorkbook(report.Workbook);
        Assert.That(workbook.Worksheets.First().Name, Is.EqualTo(SummarySheet.Name));
    }

    [Test]
    public async Task A_comment_is_shown_beside_its_value_in_Sammanfattning_as_text_never_as_a_formula()
    {
        await using var service = await ReportTestData.ServiceAsync();
        const string text = "=HYPERLINK(\"http://example.invalid\";\"klicka\")";
        await Comments.AddAsync(service.Db, new NewComment("uk_betalningsdagar", MeetingTestSupport.Varberg, March, text), "testare");
        await Comments.AddAsync(service.Db, new NewComment("uk_betalningsdagar", MeetingTestSupport.Varberg, MeetingTestSupport.February,
            "@Förklaring: ny avdelning"), "testare");

        var report = await MonthlyReport.WriteAsync(ReportTestData.Context(service), March, _dir);

        WorkbookChecks.HoldsNoFormulas(report.Workbook, expectedFormulaLikeTexts: 1);
        using var workbook = new XLWorkbook(report.Workbook);
        var comments = workbook.Worksheet(SummarySheet.Name).Column(11).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(comments, Does.Contain($"2024-02: @Förklaring: ny avdelning\n2024-03: {text}"));
    }

    [Test]
    public async Task An_action_is_listed_on_Uppföljning_with_its_owner_and_follow_up_month()
    {
        await using var service = await ReportTestData.ServiceAsync();
        await Comments.AddAsync(service.Db, new NewComment("uk_betalningsdagar", MeetingTestSupport.Varberg, MeetingTestSupport.February,
            "-Se över rutinen för utskrivning", "Varbergs kommun", March), "testare");

        var report = await MonthlyReport.WriteAsync(ReportTestData.Context(service), March, _dir);

        WorkbookChecks.HoldsNoFormulas(report.Workbook, expectedFormulaLikeTexts: 1);
        using var workbook = new XLWorkbook(report.Workbook);
        var row = workbook.Worksheet(FollowUpSheet.Name).Row(5);
        Assert.That(Enumerable.Range(1, 6).Select(c => row.Cell(c).GetString()), Is.EqualTo(new[]
        {
            "2024-03", "Dagar med kommunalt betalningsansvar", "Varberg", "2024-02", "-Se över rutinen för utskrivning", "Varbergs kommun",
        }));
    }
}
