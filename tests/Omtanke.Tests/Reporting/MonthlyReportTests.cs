using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Core.Targets;

namespace Omtanke.Tests.Reporting;

/// <summary>The monthly Indikatorrapport, opened and checked against the values ValuesQuery returns.</summary>
public sealed class MonthlyReportTests
{
    private static readonly DateOnly Month = ReportTestData.LastMonth;
    private const string TargetIndicator = "uk_andel_inom_3";
    private const string PreliminaryIndicator = "uk_medeldagar_somatik";
    private OmtankeService _service = null!;
    private ReportFiles _report = null!;
    private ExpectedValues _expected = null!;
    private XLWorkbook _workbook = null!;
    private List<Target> _targets = null!;

    [OneTimeSetUp]
    public async Task WriteReportAsync()
    {
        _service = await ReportTestData.ServiceAsync();
        await using (var conn = await _service.Db.OpenConnectionAsync())
        {
            await TargetStore.SetAsync(conn, TargetIndicator, 55, TargetDirection.AtLeast, new DateOnly(2023, 6, 1), "testare");
            _targets = await TargetStore.HistoryAsync(conn);
            // The engine marks no uk_* month preliminary; the report must show the flag wherever it is set.
            await Sql.ExecAsync(conn, "UPDATE indicator_values SET preliminary = true WHERE indicator_id = $1 AND area = '1383' AND period = '2024-03'",
                CancellationToken.None, PreliminaryIndicator);
            // And a previous month, to show the comparison columns keep the mark.
            await Sql.ExecAsync(conn, "UPDATE indicator_values SET preliminary = true WHERE indicator_id = $1 AND area = '1381' AND period = '2024-02'",
                CancellationToken.None, PreliminaryIndicator);
        }
        var dir = Path.Combine(Path.GetTempPath(), "omtanke-monthly-" + Guid.NewGuid().ToString("N")[..8]);
        _report = await MonthlyReport.WriteAsync(ReportTestData.Context(_service), Month, dir);
        TestContext.Out.WriteLine($"Monthly report written in {_report.Elapsed.TotalSeconds:0.00} s");
        _expected = await ExpectedValues.ReadAsync(_service, new ValuesFilter(Month.AddMonths(-23), Month));
        _workbook = new XLWorkbook(_report.Workbook);
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        _workbook?.Dispose();
        if (_service is not null) await _service.DisposeAsync();
    }

    private static IndicatorDefinition Indicator(string id) => IndicatorCatalog.Find(id)!;

    [Test]
    public void The_workbook_is_named_for_the_month_and_has_its_sheets_in_order()
    {
        Assert.That(Path.GetFileName(_report.Workbook), Is.EqualTo("Indikatorrapport-2024-03.xlsx"));
        var areas = ReportAreas.Sections(IndicatorCatalog.All).Select(s => s.Area.SheetName);
        Assert.That(_workbook.Worksheets.Select(s => s.Name),
            Is.EqualTo(new[] { "Sammanfattning" }.Concat(areas).Concat(["Leveranser", "Definitioner", "Diagramdata"])));
        Assert.That(areas, Does.Contain("Utskrivning"));
    }

    [Test]
    public async Task The_report_is_kept_in_the_audit_trail()
    {
        await using var conn = await _service.Db.OpenConnectionAsync();
        var row = await Sql.ScalarAsync(conn,
            "SELECT actor || ' ' || subject || ' ' || (details->>'period') FROM audit_log WHERE action = 'rapport-månad'", CancellationToken.None);
        Assert.That(row, Is.EqualTo("testare Indikatorrapport-2024-03.xlsx 2024-03"));
    }

    [Test]
    public void The_workbook_passes_the_OpenXml_validator() => WorkbookChecks.PassesOpenXmlValidator(_report.Workbook);

    [Test]
    public void No_cell_holds_a_formula_and_formula_like_names_stay_text() =>
        // The delivery's file name on Leveranser is the one formula-like text of this report.
        WorkbookChecks.HoldsNoFormulas(_report.Workbook, expectedFormulaLikeTexts: 1);

    [Test]
    public void The_summary_shows_every_indicator_and_area_as_stored_with_changes()
    {
        var sheet = _workbook.Worksheet(SummarySheet.Name);
        var hidden = 0;
        foreach (var indicator in IndicatorCatalog.All)
        {
            var band = BandRow(sheet, IndicatorTexts.NameWithUnit(indicator) + " – ");
            foreach (var (area, i) in ReportAreas.AreaCodes.Select((a, i) => (a, i)))
            {
                var row = sheet.Row(band + 1 + i);
                Assert.That(row.Cell(1).GetString(), Is.EqualTo(Areas.Name(area)));
                var now = _expected.Find(indicator.Id, area, "2024-03");
                var before = _expected.Find(indicator.Id, area, "2024-02");
                var yearBefore = _expected.Find(indicator.Id, area, "2023-03");
                ExpectedValues.AssertCell(row.Cell(2), indicator, now, $"{indicator.Id} {area}");
                ExpectedValues.AssertCell(row.Cell(3), indicator, before, "previous month");
                ExpectedValues.AssertCell(row.Cell(5), indicator, yearBefore, "same month a year before");
                AssertChange(row.Cell(4), indicator, now, before);
                AssertChange(row.Cell(6), indicator, now, yearBefore);
                if (now?.Suppressed == true) hidden++;
            }
        }
        Assert.That(hidden, Is.GreaterThan(0), "the test data should make disclosure control hide some values");
    }

    /// <summary>The change between the values as shown, rounded to the indicator's decimals.</summary>
    private static void AssertChange(IXLCell cell, IndicatorDefinition indicator, IndicatorValue? now, IndicatorValue? before)
    {
        var decimals = NumberFormats.Decimals(indicator);
        if (now is null || before is null) Assert.That(cell.IsEmpty(), Is.True, cell.Address.ToString());
        else if (now.Suppressed || before.Suppressed) Assert.That(cell.GetString(), Is.EqualTo(".."), cell.Address.ToString());
        else Assert.That(WorkbookChecks.Number(cell), Is.EqualTo((double)(Math.Round(now.Value, decimals, MidpointRounding.AwayFromZero)
            - Math.Round(before.Value, decimals, MidpointRounding.AwayFromZero))).Within(1e-9), cell.Address.ToString());
    }

    [Test]
    public void The_summary_colours_targets_and_marks_preliminary_values()
    {
        var sheet = _workbook.Worksheet(SummarySheet.Name);
        var indicator = Indicator(TargetIndicator);
        var band = BandRow(sheet, IndicatorTexts.NameWithUnit(indicator) + " – ");
        var statuses = 0;
        foreach (var (area, i) in ReportAreas.AreaCodes.Select((a, i) => (a, i)))
        {
            var row = sheet.Row(band + 1 + i);
            var value = _expected.Find(TargetIndicator, area, "2024-03")!;
            Assert.That(row.Cell(7).GetString(), Is.EqualTo("≥ 55"));
            var expected = value.Suppressed ? "" : value.Value >= 55 ? "Uppfyllt" : "Ej uppfyllt";
            Assert.That(row.Cell(8).GetString(), Is.EqualTo(expected), area);
            if (expected == "") continue;
            statuses++;
            var fill = expected == "Uppfyllt" ? Look.MetFill : Look.NotMetFill;
            Assert.That(row.Cell(2).Style.Fill.BackgroundColor, Is.EqualTo(fill), area);
        }
        Assert.That(statuses, Is.GreaterThan(0));

        var preliminary = Indicator(PreliminaryIndicator);
        var varberg = sheet.Row(BandRow(sheet, IndicatorTexts.NameWithUnit(preliminary) + " – ") + 1 + ReportAreas.AreaCodes.ToList().IndexOf("1383"));
        Assert.That(varberg.Cell(9).GetString(), Is.EqualTo("Preliminärt"));
        Assert.That(varberg.Cell(2).Style.Font.Italic, Is.True);
        var halmstad = sheet.Row(BandRow(sheet, IndicatorTexts.NameWithUnit(preliminary) + " – ") + 1 + ReportAreas.AreaCodes.ToList().IndexOf("1380"));
        Assert.That(halmstad.Cell(9).GetString(), Is.Empty);
    }

    [Test]
    public void A_change_from_or_to_a_preliminary_value_is_italic_and_not_coloured_as_better_or_worse()
    {
        // Issue 25: a readmission rate "dropping" in its open window was coloured green. Varberg's March
        // and Laholm's February are preliminary (set above); Halmstad's months are final and coloured.
        var sheet = _workbook.Worksheet(SummarySheet.Name);
        var band = BandRow(sheet, IndicatorTexts.NameWithUnit(Indicator(PreliminaryIndicator)) + " – ");
        IXLRow Row(string area) => sheet.Row(band + 1 + ReportAreas.AreaCodes.ToList().IndexOf(area));
        XLColor[] judged = [Look.Better, Look.Worse];
        var (varberg, laholm, halmstad) = (Row("1383"), Row("1381"), Row("1380"));

        foreach (var change in new[] { varberg.Cell(4), varberg.Cell(6), laholm.Cell(4) })
        {
            Assert.That(change.Style.Font.FontColor, Is.Not.AnyOf(judged), change.Address.ToString());
            // A change beside a hidden value is hidden too (disclosure control over the year may hide either month).
            if (change.DataType != XLDataType.Number) continue;
            Assert.That(change.GetDouble(), Is.Not.Zero, change.Address.ToString());
            Assert.That(change.Style.Font.FontColor, Is.Not.AnyOf(judged), change.Address.ToString());
            Assert.That(change.Style.Font.Italic, Is.True, change.Address.ToString());
        }
        Assert.That(laholm.Cell(3).Style.Font.Italic, Is.True, "the preliminary February in the comparison column");
        Assert.That(laholm.Cell(5).Style.Font.Italic, Is.False);
        // Judged where both values are final and shown (a change beside a hidden value is hidden, uncoloured).
        foreach (var final in new[] { laholm.Cell(6), halmstad.Cell(4) }.Where(c => c.DataType == XLDataType.Number && c.GetDouble() != 0))
            Assert.That(final.Style.Font.FontColor, Is.AnyOf(judged), final.Address.ToString());
        Assert.That(halmstad.Cell(4).Style.Font.Italic, Is.False);
    }

    [Test]
    public void The_summary_marks_the_months_SPC_signals()
    {
        // Recomputed here from ValuesQuery's values over the 24 months to the report's month: hidden values
        // take part without their number; a preliminary month (Varberg's, set above) is drawn but not judged.
        var sheet = _workbook.Worksheet(SummarySheet.Name);
        var months = Enumerable.Range(0, 24).Select(i => Month.AddMonths(i - 23).ToString("yyyy-MM")).ToList();
        var signals = 0;
        foreach (var indicator in IndicatorCatalog.All)
        {
            var band = BandRow(sheet, IndicatorTexts.NameWithUnit(indicator) + " – ");
            foreach (var (area, i) in ReportAreas.AreaCodes.Select((a, i) => (a, i)))
            {
                var stored = months.Select(m => _expected.Find(indicator.Id, area, m)).OfType<IndicatorValue>().ToList();
                var observations = stored
                    .Select(v => v.Suppressed ? new SpcObservation(v.Period, null, Preliminary: v.Preliminary)
                        : new SpcObservation(v.Period, (double)v.Value, (double)(v.Numerator ?? 0), (double)(v.Denominator ?? 0), v.Preliminary))
                    .ToList();
                var spc = SpcAnalysis.Analyse(SpcChartKinds.For(indicator), (double)indicator.Factor, indicator.Better, observations);
                var verdict = SpcSignalText.At(spc, "2024-03");
                var expected = verdict is { Tone: not SpcTone.None } ? verdict.Text : "";
                if (indicator.Id == PreliminaryIndicator && area == "1383")
                    Assert.That(expected, Is.EqualTo(SpcSignalText.NotJudged), "a preliminary month is not judged");
                var cell = sheet.Row(band + 1 + i).Cell(10);
                Assert.That(cell.GetString(), Is.EqualTo(expected), $"{indicator.Id} {area}");
                if (verdict is not { Judged: true, Tone: not SpcTone.None }) continue;
                signals++;
                Assert.That(cell.Style.Fill.BackgroundColor, Is.Not.EqualTo(XLColor.NoColor), $"{indicator.Id} {area}");
            }
        }
        Assert.That(signals, Is.GreaterThan(0), "Halmstad's longer waits from 2023-09 should give signals");
    }

    [Test]
    public void Each_area_sheet_shows_13_months_per_area_as_stored()
    {
        var sheet = _workbook.Worksheet("Utskrivning");
        var months = Enumerable.Range(0, 13).Select(i => Month.AddMonths(i - 12).ToString("yyyy-MM")).ToList();
        Assert.That(Enumerable.Range(2, 13).Select(c => sheet.Cell(TrendSheet.HeaderRow, c).GetString()), Is.EqualTo(months));
        foreach (var indicator in IndicatorCatalog.All.Where(i => ReportAreas.Of(i).SheetName == "Utskrivning"))
        {
            var band = BandRow(sheet, IndicatorTexts.NameWithUnit(indicator));
            foreach (var (area, i) in ReportAreas.AreaCodes.Select((a, i) => (a, i)))
            {
                var row = sheet.Row(band + 2 + i);
                Assert.That(row.Cell(1).GetString(), Is.EqualTo(Areas.Name(area)));
                for (var m = 0; m < months.Count; m++)
                    ExpectedValues.AssertCell(row.Cell(2 + m), indicator, _expected.Find(indicator.Id, area, months[m]), $"{indicator.Id} {area} {months[m]}");
            }
        }
    }

    [Test]
    public void Trend_charts_draw_a_preliminary_value_apart_and_never_as_an_ordinary_point()
    {
        // Issue 25: the readmission curves "dropped" in their open last month, drawn like any other.
        // Varberg's March (the 13th month, index 12) and Laholm's February (index 11) are preliminary.
        var chart = WorkbookChecks.Charts(_report.Workbook).Single(c => c.Title == Indicator(PreliminaryIndicator).Name);
        var varberg = chart.Series.Single(s => s.Name.StartsWith("Varberg", StringComparison.Ordinal));
        var laholm = chart.Series.Single(s => s.Name.StartsWith("Laholm", StringComparison.Ordinal));
        var halmstad = chart.Series.Single(s => s.Name.StartsWith("Halmstad", StringComparison.Ordinal));

        Assert.That(varberg.HollowPoints, Is.EqualTo(new[] { 12 }));
        Assert.That(varberg.DashedPoints, Is.EqualTo(new[] { 12 }), "the segment into March");
        Assert.That(laholm.HollowPoints, Is.EqualTo(new[] { 11 }));
        Assert.That(laholm.DashedPoints, Is.EqualTo(new[] { 11, 12 }), "the segments into and out of February");
        Assert.That(halmstad.HollowPoints.Concat(halmstad.DashedPoints), Is.Empty);

        // The image draws them the same way, with a legend entry that says what they mean (Skia writes a
        // dashed line as its dashes, so the SVG has no dash attribute to check).
        var svg = File.ReadAllText(_report.Other.Single(f => f.EndsWith($"/{PreliminaryIndicator}.svg", StringComparison.Ordinal)));
        Assert.That(svg, Does.Contain("Preliminärt (streckat, ofylld punkt)"));
    }

    [Test]
    public void Native_charts_draw_the_published_values_and_never_a_hidden_one()
    {
        var charts = WorkbookChecks.Charts(_report.Workbook);
        Assert.That(charts.Select(c => c.Title), Is.EquivalentTo(IndicatorCatalog.All.Select(i => i.Name)));
        var months = Enumerable.Range(0, 13).Select(i => Month.AddMonths(i - 12).ToString("yyyy-MM")).ToList();
        var gaps = 0;
        foreach (var chart in charts)
        {
            var indicator = IndicatorCatalog.All.Single(i => i.Name == chart.Title);
            Assert.That(chart.Sheet, Is.EqualTo(ReportAreas.Of(indicator).SheetName));
            foreach (var area in ReportAreas.AreaCodes)
            {
                var series = chart.Series.Single(s => s.Name.StartsWith(Areas.Name(area), StringComparison.Ordinal));
                Assert.That(series.ValuesFormula, Does.StartWith("'Diagramdata'!"));
                for (var m = 0; m < months.Count; m++)
                {
                    var value = _expected.Find(indicator.Id, area, months[m]);
                    if (value is null || value.Suppressed)
                    {
                        Assert.That(series.Points.ContainsKey(m), Is.False, $"{chart.Title} {area} {months[m]}");
                        gaps += value is null ? 0 : 1;
                    }
                    else Assert.That(series.Points[m], Is.EqualTo(ExpectedValues.Published(value)).Within(1e-9));
                }
            }
            // A target line where a target is in force: the test's from 2023-06, so not the four months before it.
            var target = chart.Series.SingleOrDefault(s => s.Name == "Mål");
            var inForce = months.Select((m, i) => (i, TargetStore.InForce(_targets, indicator.Id, DateOnly.ParseExact(m + "-01", "yyyy-MM-dd"))))
                .Where(t => t.Item2 is not null).Select(t => t.i).ToList();
            Assert.That(target?.Points.Keys.Order().ToList() ?? [], Is.EqualTo(inForce), chart.Title);
            if (indicator.Id == TargetIndicator) Assert.That(inForce, Is.EqualTo(Enumerable.Range(3, 10)));
        }
        Assert.That(gaps, Is.GreaterThan(0), "some hidden values should have been left out of the charts");

        // Each series reads cells of the chart data sheet that hold exactly its cached points: a hidden
        // value is an empty cell there, never its number.
        var data = _workbook.Worksheet(ChartDataSheet.SheetName);
        foreach (var series in charts.SelectMany(c => c.Series))
        {
            var range = data.Range(series.ValuesFormula.Split('!')[1].Replace("$", ""));
            for (var m = 0; m < range.ColumnCount(); m++)
            {
                var cell = range.Cell(1, m + 1);
                if (series.Points.TryGetValue(m, out var point)) Assert.That(WorkbookChecks.Number(cell), Is.EqualTo(point).Within(1e-9));
                else Assert.That(cell.IsEmpty(), Is.True, $"{series.Name} {cell.Address}");
            }
        }
    }

    [Test]
    public void Leveranser_shows_the_current_delivery_of_every_slice_and_what_is_missing()
    {
        var sheet = _workbook.Worksheet(DeliveriesSheet.Name);
        var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(texts, Does.Contain(ReportTestData.FormulaFileName));
        Assert.That(texts, Does.Contain("utskrivningsklara-2024-03-halmstad-rättelse.csv"));

        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Källa" && r.Cell(3).GetString() == "2023-03").RowNumber();
        var halmstad = sheet.RowsUsed().First(r => r.RowNumber() > header && r.Cell(2).GetString() == "Halmstad");
        var (original, correction) = DeliveryIds();
        Assert.That(halmstad.Cell(3).GetString(), Is.EqualTo($"#{original}"));
        Assert.That(halmstad.Cell(15).GetString(), Is.EqualTo($"#{correction}"), "the correction is current for 2024-03");
        // Hylte had no stays in some months; utskrivningsklara still has data for them, so the count is 0.
        var hylte = sheet.RowsUsed().First(r => r.RowNumber() > header && r.Cell(2).GetString() == "Hylte");
        Assert.That(hylte.Cells(3, 15).Select(c => c.GetString()), Is.All.Matches<string>(t => t.StartsWith('#') || t == "0 rader"));
        // The population of 2023 is there; nothing else of this report's month is missing but the other sources.
        Assert.That(texts.Where(t => t.StartsWith("Befolkning 31 december", StringComparison.Ordinal)), Is.Empty);
    }

    private (long Original, long Correction) DeliveryIds()
    {
        using var conn = _service.Db.OpenConnection();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT id FROM deliveries WHERE source = 'utskrivningsklara' ORDER BY id", conn);
        using var reader = cmd.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return (ids[0], ids[1]);
    }

    [Test]
    public void Definitioner_describes_every_indicator()
    {
        var sheet = _workbook.Worksheet(DefinitionsSheet.Name);
        foreach (var indicator in IndicatorCatalog.All)
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(12).GetString() == indicator.Id);
            Assert.That(row.Cell(1).GetString(), Is.EqualTo(ReportAreas.Of(indicator).Name));
            Assert.That(row.Cell(2).GetString(), Is.EqualTo(indicator.Name));
            Assert.That(row.Cell(4).GetString(), Is.EqualTo(indicator.NumeratorText));
            Assert.That(row.Cell(5).GetString(), Is.EqualTo(indicator.DenominatorText ?? "–"));
            Assert.That(row.Cell(7).GetString(), Is.EqualTo(IndicatorTexts.Direction(indicator.Better)));
            Assert.That(row.Cell(11).GetString(), Does.StartWith(SpcChartKinds.For(indicator) switch
            {
                SpcChartKind.P => "p-diagram", SpcChartKind.U => "u-diagram", _ => "Seriediagram",
            }), "which chart and why");
        }
        // Issue 25: Swedish prose ("i somatisk vård", not "i somatik vård"); a count's quarters are its months
        // summed (it has no denominator); a default target applies since always, not "från 2000-01".
        var count = sheet.RowsUsed().Single(r => r.Cell(12).GetString() == "uk_betalningsdagar");
        Assert.That(count.Cell(3).GetString(), Does.Contain("antalen summeras").And.Not.Contain("nämnare"));
        var somatic = sheet.RowsUsed().Single(r => r.Cell(12).GetString() == "uk_medeldagar_somatik");
        Assert.That(somatic.Cell(4).GetString(), Does.Contain("i somatisk vård"));
        var sabo = sheet.RowsUsed().Single(r => r.Cell(12).GetString() == "flk_andel_sabo");
        Assert.That(sabo.Cell(8).GetString(), Is.EqualTo("≥ 80 (förvalt, nationellt mål)"));
        var target = sheet.RowsUsed().Single(r => r.Cell(12).GetString() == TargetIndicator);
        Assert.That(target.Cell(8).GetString(), Is.EqualTo("≥ 55 från 2023-06"));
    }

    [Test]
    public void The_workbook_looks_finished()
    {
        Assert.That(_workbook.Properties.Author, Is.EqualTo("Region Halland – Omtanke Halland"));
        Assert.That(_workbook.Properties.Title, Is.EqualTo("Indikatorrapport mars 2024"));
        Assert.That(_workbook.Properties.Created, Is.GreaterThan(DateTime.Now.AddHours(-1)));
        foreach (var sheet in _workbook.Worksheets)
        {
            Assert.That(sheet.PageSetup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape), sheet.Name);
            Assert.That(sheet.PageSetup.PagesWide, Is.EqualTo(1), sheet.Name);
            Assert.That(sheet.SheetView.SplitRow + sheet.SheetView.SplitColumn, Is.GreaterThan(0), sheet.Name);
        }
        var summary = _workbook.Worksheet(SummarySheet.Name);
        Assert.That(summary.SheetView.SplitRow, Is.EqualTo(SummarySheet.HeaderRow));
        Assert.That(summary.PageSetup.FirstRowToRepeatAtTop, Is.EqualTo(SummarySheet.HeaderRow));
        Assert.That(summary.Column(1).Width, Is.EqualTo(18));
        var utskrivning = _workbook.Worksheet("Utskrivning");
        var band = BandRow(utskrivning, IndicatorTexts.NameWithUnit(Indicator("uk_betalningsdagar")));
        var format = Enumerable.Range(band + 1, ReportAreas.AreaCodes.Count).SelectMany(r => utskrivning.Row(r).Cells(2, 14))
            .First(c => c.DataType == XLDataType.Number);
        Assert.That(format.Style.NumberFormat.Format, Is.EqualTo("#,##0"));
    }

    [Test]
    public void Chart_images_are_rendered_for_every_indicator()
    {
        // A trend chart for every indicator; a control chart for every area with values (the uk_* of the test data).
        var pngs = _report.Other.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.That(pngs, Is.SupersetOf(IndicatorCatalog.All.Select(i => i.Id + ".png")));
        Assert.That(pngs, Is.SupersetOf(IndicatorCatalog.All.Where(i => i.SourceId == "utskrivningsklara").Select(i => i.Id + "-styrdiagram.png")));
        Assert.That(pngs, Is.SupersetOf(Areas.Municipalities.Keys.Select(code => $"{TargetIndicator}-styrdiagram-{code}.png")));
        foreach (var png in _report.Other.Where(f => f.EndsWith(".png", StringComparison.Ordinal))) WorkbookChecks.IsChartImage(png);
        // å ä ö reach the image as text: the SVG of the share within 3 days carries its name and the target.
        var svg = File.ReadAllText(_report.Other.Single(f => f.EndsWith($"{TargetIndicator}.svg", StringComparison.Ordinal)));
        Assert.That(svg, Does.Contain("från utskrivningsklar").And.Contain("Mål"));
        var spc = File.ReadAllText(_report.Other.Single(f => f.EndsWith($"{TargetIndicator}-styrdiagram.svg", StringComparison.Ordinal)));
        Assert.That(spc, Does.Match("p′?-diagram"));
    }

    private static int BandRow(IXLWorksheet sheet, string startsWith) =>
        sheet.RowsUsed().First(r => r.Cell(1).GetString().StartsWith(startsWith, StringComparison.Ordinal)).RowNumber();
}
