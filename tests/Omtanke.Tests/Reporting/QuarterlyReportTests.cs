using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Reporting;

/// <summary>The quarterly RUG report, workbook and HTML page, checked against ValuesQuery's quarter values.</summary>
public sealed class QuarterlyReportTests
{
    private static readonly Quarter Quarter = new(2024, 1);
    private static readonly string[] Quarters = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"];
    private OmtankeService _service = null!;
    private string _dir = null!;
    private ReportFiles _report = null!;
    private ExpectedValues _expected = null!;
    private XLWorkbook _workbook = null!;
    private string _html = null!;

    [OneTimeSetUp]
    public async Task WriteReportAsync()
    {
        _service = await ReportTestData.ServiceAsync();
        _dir = Path.Combine(Path.GetTempPath(), "omtanke-quarterly-" + Guid.NewGuid().ToString("N")[..8]);
        _report = await QuarterlyReport.WriteAsync(ReportTestData.Context(_service), Quarter, _dir);
        TestContext.Out.WriteLine($"Quarterly report written in {_report.Elapsed.TotalSeconds:0.00} s");
        _expected = await ExpectedValues.ReadAsync(_service, new ValuesFilter(new DateOnly(2023, 1, 1), new DateOnly(2024, 3, 1), PeriodType.Quarter));
        _workbook = new XLWorkbook(_report.Workbook);
        _html = await File.ReadAllTextAsync(_report.Other.Single());
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        _workbook?.Dispose();
        if (_service is not null) await _service.DisposeAsync();
    }

    [Test]
    public void The_files_are_named_for_the_quarter()
    {
        Assert.That(Path.GetFileName(_report.Workbook), Is.EqualTo("RUG-uppfoljning-2024-Q1.xlsx"));
        Assert.That(Path.GetFileName(_report.Other.Single()), Is.EqualTo("RUG-uppfoljning-2024-Q1.html"));
        Assert.That(_workbook.Worksheets.Select(s => s.Name),
            Is.EqualTo(ReportAreas.Sections(IndicatorCatalog.All).Select(s => s.Area.SheetName).Append("Definitioner")));
    }

    [Test]
    public void The_workbook_passes_the_OpenXml_validator_and_holds_no_formulas()
    {
        WorkbookChecks.PassesOpenXmlValidator(_report.Workbook);
        WorkbookChecks.HoldsNoFormulas(_report.Workbook, expectedFormulaLikeTexts: 0);
    }

    [Test]
    public void Each_area_page_shows_the_quarter_and_the_four_before_it_as_stored()
    {
        var hidden = 0;
        foreach (var indicator in IndicatorCatalog.All)
        {
            var sheet = _workbook.Worksheet(ReportAreas.Of(indicator).SheetName);
            Assert.That(sheet.Cell(3, 2).GetString(), Is.EqualTo("2023-Q1 (ett år tidigare)"));
            Assert.That(Enumerable.Range(3, 4).Select(c => sheet.Cell(3, c).GetString()), Is.EqualTo(Quarters[1..]));
            Assert.That(sheet.PageSetup.PagesTall, Is.EqualTo(1), "one page per area");
            var band = sheet.RowsUsed().First(r => r.Cell(1).GetString().StartsWith(IndicatorTexts.NameWithUnit(indicator) + " – ", StringComparison.Ordinal)).RowNumber();
            foreach (var (area, i) in ReportAreas.AreaCodes.Select((a, i) => (a, i)))
            {
                var row = sheet.Row(band + 1 + i);
                Assert.That(row.Cell(1).GetString(), Is.EqualTo(Areas.Name(area)));
                for (var q = 0; q < Quarters.Length; q++)
                {
                    var value = _expected.Find(indicator.Id, area, Quarters[q]);
                    ExpectedValues.AssertCell(row.Cell(2 + q), indicator, value, $"{indicator.Id} {area} {Quarters[q]}");
                    if (value?.Suppressed == true) hidden++;
                }
                var (now, before, yearBefore) = (_expected.Find(indicator.Id, area, "2024-Q1"), _expected.Find(indicator.Id, area, "2023-Q4"), _expected.Find(indicator.Id, area, "2023-Q1"));
                AssertChange(row.Cell(7), indicator, now, before);
                AssertChange(row.Cell(8), indicator, now, yearBefore);
            }
        }
        Assert.That(hidden, Is.GreaterThan(0));
    }

    /// <summary>The change between the values as shown, rounded to the indicator's decimals.</summary>
    private static void AssertChange(IXLCell cell, IndicatorDefinition indicator, IndicatorValue? now, IndicatorValue? before)
    {
        var decimals = NumberFormats.Decimals(indicator);
        if (now is null || before is null) Assert.That(cell.IsEmpty(), Is.True);
        else if (now.Suppressed || before.Suppressed) Assert.That(cell.GetString(), Is.EqualTo(".."));
        else Assert.That(WorkbookChecks.Number(cell), Is.EqualTo((double)(Math.Round(now.Value, decimals, MidpointRounding.AwayFromZero)
            - Math.Round(before.Value, decimals, MidpointRounding.AwayFromZero))).Within(1e-9));
    }

    [Test]
    public void The_html_page_is_self_contained_and_prints_one_area_per_page()
    {
        Assert.That(_html, Does.Contain("@page { size: A4 landscape;"));
        Assert.That(Regex.Matches(_html, "<section class=\"area\"").Count, Is.EqualTo(ReportAreas.Sections(IndicatorCatalog.All).Count + 1));
        Assert.That(_html, Does.Contain("section.area { page-break-after: always;"));
        Assert.That(Regex.Matches(_html, "<svg ").Count, Is.EqualTo(IndicatorCatalog.All.Count));
        Assert.That(_html, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain(" src=").And.Not.Contain("<?xml"));
        // Every chart's clip paths are its own, or the browser would clip all charts by the first one's.
        var ids = Regex.Matches(_html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(_html, Does.Contain("<html lang=\"sv\">").And.Contain("<meta charset=\"utf-8\">")
            .And.Contain("Andel utskrivna inom 3 dagar från utskrivningsklar").And.Contain("Teckenförklaring"));
    }

    [Test]
    public void The_html_tables_show_the_values_as_published()
    {
        // Hylte's payment days: the quarters as Swedish numbers, a hidden one as &lt;5, never its number.
        var indicator = IndicatorCatalog.Find("uk_betalningsdagar")!;
        var block = _html[_html.IndexOf(IndicatorTexts.NameWithUnit(indicator), StringComparison.Ordinal)..];
        var hylte = Regex.Match(block, "<tr><td><span class=\"swatch\"[^>]*></span>Hylte</td>(.*?)</tr>").Groups[1].Value;
        var cells = Regex.Matches(hylte, "<td[^>]*>(.*?)</td>").Select(m => m.Groups[1].Value).Take(Quarters.Length).ToList();
        var expected = Quarters.Select(q => _expected.Find(indicator.Id, "1315", q)).Select(v =>
            v is null ? "" : v.Suppressed ? System.Net.WebUtility.HtmlEncode(ExpectedValues.Symbol(indicator, v)) : v.Value.ToString("#,##0", Periods.Swedish)).ToList();
        Assert.That(cells, Is.EqualTo(expected));
        Assert.That(expected, Has.Some.EqualTo("&lt;5"), "the test data should hide one of Hylte's quarters");
    }

    [Test]
    public async Task A_quarter_missing_months_is_marked_preliminary()
    {
        // 2022-Q1 has only March: as the first column of 2023-Q1's report it is preliminary, in italics.
        var report = await QuarterlyReport.WriteAsync(ReportTestData.Context(_service), new Quarter(2023, 1), _dir);
        using var workbook = new XLWorkbook(report.Workbook);
        var sheet = workbook.Worksheet("Utskrivning");
        var region = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Region Halland");
        Assert.That(region.Cell(2).Style.Font.Italic, Is.True);
        Assert.That(region.Cell(6).Style.Font.Italic, Is.False);
        Assert.That(await File.ReadAllTextAsync(report.Other.Single()), Does.Contain("class=\"num prel\""));
    }

    [Test]
    public async Task A_change_against_a_preliminary_quarter_is_italic_and_not_coloured_in_the_workbook_and_the_html()
    {
        // Issue 25: 2022-Q1 (only March) is preliminary, so 2023-Q1's change against a year earlier compares
        // a preliminary value: italic, neither better nor worse; the change from 2022-Q4 (both final) is judged.
        var report = await QuarterlyReport.WriteAsync(ReportTestData.Context(_service), new Quarter(2023, 1), _dir);
        using var workbook = new XLWorkbook(report.Workbook);
        // The first region row whose changes are shown: disclosure control may hide a quarter of another indicator.
        var regions = workbook.Worksheet("Utskrivning").RowsUsed().Where(r => r.Cell(1).GetString() == "Region Halland").ToList();
        var region = regions.First(r => r.Cell(2 + Quarters.Length).DataType == XLDataType.Number
            && r.Cell(3 + Quarters.Length).DataType == XLDataType.Number);
        XLColor[] judged = [Look.Better, Look.Worse];
        var (fromPrevious, fromYearBefore) = (region.Cell(2 + Quarters.Length), region.Cell(3 + Quarters.Length));

        Assert.That(fromYearBefore.GetDouble(), Is.Not.Zero);
        Assert.That(fromYearBefore.Style.Font.FontColor, Is.Not.AnyOf(judged));
        Assert.That(fromYearBefore.Style.Font.Italic, Is.True);
        Assert.That(fromPrevious.Style.Font.Italic, Is.False);
        var html = await File.ReadAllTextAsync(report.Other.Single());
        var row = Regex.Matches(html, "<tr class=\"region\">.*?</tr>")[regions.IndexOf(region)].Value;
        var changes = Regex.Matches(row, "<td class=\"([^\"]*)\">[^<]*</td>").Select(m => m.Groups[1].Value)
            .Skip(Quarters.Length).Take(2).ToList();
        Assert.That(changes[1], Is.EqualTo("num prel"));
        Assert.That(changes[0], Does.Not.Contain("prel"));
    }
}
