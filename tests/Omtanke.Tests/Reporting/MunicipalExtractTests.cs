using ClosedXML.Excel;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Reporting;

/// <summary>The municipal extract, checked against ValuesQuery and, for the breakdowns, against the facts themselves.</summary>
public sealed class MunicipalExtractTests
{
    private static readonly DateOnly From = new(2023, 4, 1), To = new(2024, 3, 1);
    private OmtankeService _service = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public async Task ImportAsync()
    {
        _service = await ReportTestData.ServiceAsync();
        _dir = Path.Combine(Path.GetTempPath(), "omtanke-extract-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
    }

    private async Task<(ReportFiles Report, XLWorkbook Workbook)> WriteAsync(string kommun)
    {
        var report = await MunicipalExtract.WriteAsync(ReportTestData.Context(_service), kommun, From, To, _dir);
        TestContext.Out.WriteLine($"Extract for {kommun} written in {report.Elapsed.TotalSeconds:0.00} s");
        return (report, new XLWorkbook(report.Workbook));
    }

    [Test]
    public async Task The_municipality_is_shown_beside_the_region_for_every_indicator_as_stored()
    {
        var (report, workbook) = await WriteAsync("1380");
        using var _ = workbook;
        Assert.That(Path.GetFileName(report.Workbook), Is.EqualTo("Lokalt-uttag-1380-Halmstad-2023-04-2024-03.xlsx"));
        Assert.That(workbook.Worksheets.Select(s => s.Name).Take(4), Is.EqualTo(new[]
            { "Kommun och region", "Sjukhus och avdelning", "Vårdform", "Åldersgrupp" }));
        Assert.That(workbook.Worksheets.Select(s => s.Name).TakeLast(2), Is.EqualTo(new[] { "Definitioner", "Diagramdata" }));
        var expected = await ExpectedValues.ReadAsync(_service, new ValuesFilter(From, To));
        var sheet = workbook.Worksheet("Kommun och region");
        var months = Enumerable.Range(0, 12).Select(i => From.AddMonths(i).ToString("yyyy-MM")).ToList();
        Assert.That(Enumerable.Range(2, 12).Select(c => sheet.Cell(TrendSheet.HeaderRow, c).GetString()), Is.EqualTo(months));
        foreach (var indicator in IndicatorCatalog.All)
        {
            var band = sheet.RowsUsed().First(r => r.Cell(1).GetString() == IndicatorTexts.NameWithUnit(indicator)).RowNumber();
            Assert.That(sheet.Cell(band + 2, 1).GetString(), Is.EqualTo("Halmstad"));
            Assert.That(sheet.Cell(band + 3, 1).GetString(), Is.EqualTo("Region Halland"));
            Assert.That(sheet.Cell(band + 4, 1).GetString(), Is.Not.EqualTo("Hylte"), "only the municipality and the region");
            for (var m = 0; m < months.Count; m++)
            {
                ExpectedValues.AssertCell(sheet.Cell(band + 2, 2 + m), indicator, expected.Find(indicator.Id, "1380", months[m]), months[m]);
                ExpectedValues.AssertCell(sheet.Cell(band + 3, 2 + m), indicator, expected.Find(indicator.Id, "13", months[m]), months[m]);
            }
        }
        var charts = WorkbookChecks.Charts(report.Workbook);
        Assert.That(charts, Has.Count.EqualTo(IndicatorCatalog.All.Count));
        Assert.That(charts.SelectMany(c => c.Series).Select(s => s.Name.Replace(" (dolda värden)", "")).Where(n => n != "Mål").Distinct(),
            Is.EquivalentTo(new[] { "Halmstad", "Region Halland" }));
        WorkbookChecks.PassesOpenXmlValidator(report.Workbook);
    }

    [Test]
    public async Task Breakdowns_show_the_municipalitys_own_rows_with_disclosure_control()
    {
        // Hylte's few stays make most of its breakdown cells hidden; every shown count must equal the facts.
        var (report, workbook) = await WriteAsync("1315");
        using var _ = workbook;
        var facts = await StaysByMonthAndCareFormAsync("1315");
        var sheet = workbook.Worksheet("Vårdform");
        Assert.That(sheet.Cell(3, 1).GetString(), Is.EqualTo("Månad"));
        Assert.That(sheet.Cell(3, 3).GetString(), Is.EqualTo("Vårdtillfällen"));
        var all = sheet.RowsUsed().Where(r => r.RowNumber() > 3).ToList();
        var rows = all.Where(r => r.Cell(2).GetString() != BreakdownSheet.TotalLabel).ToList();
        Assert.That(rows.Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())), Is.EquivalentTo(facts.Keys));
        var totals = all.Except(rows).ToDictionary(r => r.Cell(1).GetString());
        var (shown, small) = (0, 0);
        foreach (var monthRows in rows.GroupBy(r => r.Cell(1).GetString()))
        {
            // The total row is the month's stays, published as the indicator's denominator: it counts in the relation.
            var total = totals[monthRows.Key].Cell(3);
            if (WorkbookChecks.Number(total) is { } sum)
                Assert.That(sum, Is.EqualTo(monthRows.Sum(r => facts[(r.Cell(1).GetString(), r.Cell(2).GetString())])));
            var hidden = WorkbookChecks.Number(total) is null ? 1 : 0;
            foreach (var row in monthRows)
            {
                var stays = facts[(row.Cell(1).GetString(), row.Cell(2).GetString())];
                var cell = row.Cell(3);
                if (WorkbookChecks.Number(cell) is { } number)
                {
                    Assert.That(number, Is.EqualTo(stays));
                    Assert.That(stays, Is.GreaterThanOrEqualTo(5), "a count 1–4 is never shown");
                    shown++;
                }
                else
                {
                    Assert.That(cell.GetString(), Is.EqualTo(stays < 5 ? "<5" : ".."));
                    Assert.That(row.Cells(4, 7).Where(c => !c.IsEmpty()).Select(c => c.GetString()), Is.All.Matches<string>(t => t is ".." or "<5"),
                        "a hidden group shows nothing else either");
                    hidden++;
                    small += stays < 5 ? 1 : 0;
                }
            }
            // A lone hidden cell could be derived from the others of the month.
            Assert.That(hidden, Is.Not.EqualTo(1), monthRows.Key);
        }
        Assert.That(small, Is.GreaterThan(0));
        Assert.That(shown + small, Is.GreaterThan(0));
        WorkbookChecks.PassesOpenXmlValidator(report.Workbook);
    }

    private async Task<Dictionary<(string Month, string CareForm), int>> StaysByMonthAndCareFormAsync(string kommun)
    {
        await using var conn = await _service.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT to_char(ref_month, 'YYYY-MM'), CASE vardform WHEN 'somatik' THEN 'Somatisk vård' ELSE 'Psykiatrisk vård' END, count(*)::int
            FROM fact_utskrivningsklara WHERE current AND kommunkod = $1 AND ref_month BETWEEN $2 AND $3 GROUP BY 1, 2
            """, conn) { Parameters = { new() { Value = kommun }, new() { Value = From }, new() { Value = To } } };
        await using var reader = await cmd.ExecuteReaderAsync();
        var facts = new Dictionary<(string, string), int>();
        while (await reader.ReadAsync()) facts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        return facts;
    }

    [Test]
    public async Task Hospital_and_ward_names_that_look_like_formulas_stay_text()
    {
        var (report, workbook) = await WriteAsync("1380");
        using var _ = workbook;
        var names = workbook.Worksheet("Sjukhus och avdelning").Column(2).CellsUsed().Select(c => c.GetString())
            .Concat(workbook.Worksheet("Sjukhus och avdelning").Column(3).CellsUsed().Select(c => c.GetString())).ToHashSet();
        Assert.That(names, Does.Contain(ReportTestData.FormulaHospital).And.Contain("+46 avd 3").And.Contain("@Kirurgi").And.Contain("-Geriatrik"));
        WorkbookChecks.HoldsNoFormulas(report.Workbook, expectedFormulaLikeTexts: 4);
    }

    [Test]
    public async Task Hospitals_and_wards_are_shown_per_calendar_quarter()
    {
        // Wards have few stays a month; per quarter most of Halmstad's are shown, each matching the facts. Fixed
        // quarters, not the extract's range: two ranges a month apart would give that month's wards away.
        var (_, workbook) = await WriteAsync("1380");
        using var _ = workbook;
        var sheet = workbook.Worksheet("Sjukhus och avdelning");
        Assert.That(sheet.Cell(3, 1).GetString(), Is.EqualTo("Kvartal"));
        await using var conn = await _service.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT to_char(ref_month, 'YYYY') || '-Q' || extract(quarter FROM ref_month), sjukhus, enhet, count(*)::int
            FROM fact_utskrivningsklara
            WHERE current AND kommunkod = '1380' AND ref_month BETWEEN $1 AND $2 GROUP BY 1, 2, 3
            """, conn) { Parameters = { new() { Value = From }, new() { Value = To } } };
        var facts = new Dictionary<(string, string, string), int>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) facts[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt32(3);
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 3 && r.Cell(2).GetString() != BreakdownSheet.TotalLabel).ToList();
        Assert.That(rows, Has.Count.EqualTo(facts.Count));
        Assert.That(rows.Select(r => r.Cell(1).GetString()).Distinct(), Is.EqualTo(new[] { "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1" }));
        var shown = rows.Where(r => WorkbookChecks.Number(r.Cell(4)) is not null).ToList();
        Assert.That(shown, Is.Not.Empty);
        foreach (var row in shown)
            Assert.That(WorkbookChecks.Number(row.Cell(4)), Is.EqualTo(facts[(row.Cell(1).GetString(), row.Cell(2).GetString(), row.Cell(3).GetString())]));
    }

    [Test]
    public async Task The_disclosure_limit_is_configuration()
    {
        // With a limit of 10 the engine hides more, and every output says <10 and 1–9.
        await using var service = await TestPostgres.CreateServiceAsync(disclosureLimit: 10);
        await ReportTestData.ImportAsync(service);
        var report = await MunicipalExtract.WriteAsync(ReportTestData.Context(service, 10), "1381", From, To, _dir + "-10");
        using var workbook = new XLWorkbook(report.Workbook);
        var careForm = workbook.Worksheet("Vårdform");
        Assert.That(careForm.Cell(2, 1).GetString(), Does.Contain("<10 = dolt antal 1–9"));
        var symbols = careForm.Column(3).CellsUsed().Select(c => c.GetString()).Where(t => t.StartsWith('<')).ToList();
        Assert.That(symbols, Is.Not.Empty.And.All.EqualTo("<10"));
        var expected = await ExpectedValues.ReadAsync(service, new ValuesFilter(From, To));
        var hiddenCounts = expected.All.Where(v => v.Suppressed && v.Area == "1381" && IndicatorCatalog.Find(v.Indicator)!.Kind == IndicatorKind.Count && v.Value is >= 1 and < 10).ToList();
        Assert.That(hiddenCounts, Is.Not.Empty);
        var trends = workbook.Worksheet("Kommun och region").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(trends, Does.Contain("<10").And.Not.Contain("<5"));
    }
}
