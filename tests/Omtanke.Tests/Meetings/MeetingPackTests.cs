using ClosedXML.Excel;
using Omtanke.Cli;
using Omtanke.Core.Import;
using Omtanke.Core.Meetings;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Tests.Reporting;

namespace Omtanke.Tests.Meetings;

/// <summary>Issue 26, "Meeting pack": <c>meeting-pack --month M --out DIR</c> and its delivery calendar.</summary>
[NonParallelizable]
public sealed class MeetingPackTests
{
    [Test]
    public async Task The_meeting_pack_has_the_one_page_overview_the_events_the_actions_and_the_delivery_calendar()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var service = await OmtankeService.OpenAsync(new OmtankeSettings(connectionString, TestPostgres.PatientKey, 5, Path.GetTempPath()));
        await ReportTestData.ImportAsync(service);
        await service.ApproveAsync(MeetingTestSupport.February);
        await service.CorrectVarbergFebruaryAsync();
        await Comments.AddAsync(service.Db, new NewComment("uk_betalningsdagar", "1383", MeetingTestSupport.February, "Följ rutinen",
            "Varbergs kommun", new DateOnly(2024, 4, 1)), "testare");
        var material = (await service.RevisionsAsync()).Where(r => r.Material).ToList();
        var dir = Path.Combine(Path.GetTempPath(), "omtanke-pack-" + Guid.NewGuid().ToString("N")[..8]);
        using var cli = new InProcessCli(connectionString);

        var (code, output, error) = await cli.RunAsync("meeting-pack", "--month", "2024-03", "--out", dir);

        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        var path = Path.Combine(dir, "Motesunderlag-2024-03.xlsx");
        Assert.That(output, Does.Contain(path));
        WorkbookChecks.PassesOpenXmlValidator(path);
        using var workbook = new XLWorkbook(path);
        Assert.That(workbook.Worksheets.Select(s => s.Name),
            Is.EqualTo(new[] { MeetingPack.OverviewName, MeetingPack.EventsName, FollowUpSheet.Name, MeetingPack.CalendarName }));

        var overview = workbook.Worksheet(MeetingPack.OverviewName);
        Assert.That(overview.Row(4).Cells(2, 8).Select(c => c.GetString()),
            Is.EqualTo(new[] { "Hylte", "Halmstad", "Laholm", "Falkenberg", "Varberg", "Kungsbacka", "Region Halland" }));
        Assert.That(overview.RowsUsed().Count(r => r.RowNumber() > 4), Is.EqualTo(IndicatorCatalog.All.Count));
        Assert.That(overview.PageSetup.PagesTall, Is.EqualTo(1), "one page");
        var revisedIndicators = material.Where(r => r.Area == MeetingTestSupport.Varberg).Select(r => IndicatorCatalog.Find(r.Indicator)!.Name).ToList();
        var varbergMarks = overview.RowsUsed().Where(r => revisedIndicators.Any(n => r.Cell(1).GetString().StartsWith(n, StringComparison.Ordinal)))
            .Select(r => r.Cell(6).GetString()).ToList();
        Assert.That(varbergMarks, Is.Not.Empty.And.All.EndsWith(" *"));

        var events = workbook.Worksheet(MeetingPack.EventsName).Column(3).CellsUsed().Select(c => c.GetString()).ToList();
        // Every material revision is an event; besides February's, the corrected February may hide or show another month.
        Assert.That(events.Count(e => e.StartsWith("Väsentlig revision av ", StringComparison.Ordinal)), Is.EqualTo(material.Count));
        Assert.That(events.Count(e => e.StartsWith("Väsentlig revision av 2024-02", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(events, Has.Some.Contains(MeetingTestSupport.CorrectionFile));
        Assert.That(events, Has.Some.StartsWith("Saknas"), "the sources without any delivery for March");
        Assert.That(workbook.Worksheet(FollowUpSheet.Name).Cell(5, 5).GetString(), Is.EqualTo("Följ rutinen"));
        Directory.Delete(dir, recursive: true);
    }

    [TestCase("2024-06", "2024-07-10", false, TestName = "A monthly source's June is due on the 8th working day of July")]
    [TestCase("2024-05", "2024-06-13", false, TestName = "The National Day on 6 June is not a working day")]
    [TestCase("2024-03", "2024-04-11", false, TestName = "Easter Monday 1 April 2024 is not a working day")]
    [TestCase("2023-12", "2024-01-11", false, TestName = "New Year's Day and Epiphany are not working days")]
    [TestCase("2024-02", "2024-04-11", true, TestName = "A quarterly source's February is due after its quarter")]
    public void Deadlines_count_Swedish_working_days(string month, string due, bool quarterly)
    {
        var deadline = new DeliveryDeadline("sip", DeliveryCalendar.DefaultWorkingDay, quarterly);
        Assert.That(deadline.For(ServiceExtensions.Month(month)).ToString("yyyy-MM-dd"), Is.EqualTo(due));
    }

    [Test]
    public void The_deadlines_are_configurable_per_source_and_a_wrong_setting_says_what_to_write()
    {
        var deadlines = DeliveryCalendar.Parse("utskrivningsklara=5, sip=q20");
        Assert.That(deadlines.Single(d => d.SourceId == "utskrivningsklara"), Is.EqualTo(new DeliveryDeadline("utskrivningsklara", 5, false)));
        Assert.That(deadlines.Single(d => d.SourceId == "sip"), Is.EqualTo(new DeliveryDeadline("sip", 20, true)));
        Assert.That(deadlines.Single(d => d.SourceId == "slutenvard").WorkingDay, Is.EqualTo(DeliveryCalendar.DefaultWorkingDay));
        Assert.That(deadlines.Select(d => d.SourceId), Does.Not.Contain("befolkning"));

        var e = Assert.Throws<ImportSetupException>(() => DeliveryCalendar.Parse("okand=5"))!;
        Assert.That(e.Message, Does.Contain("okand=5").And.Contain(DeliveryCalendar.Variable));
    }
}
