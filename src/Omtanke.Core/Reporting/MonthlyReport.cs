using System.Diagnostics;
using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting;

public sealed record ReportFiles(string Workbook, IReadOnlyList<string> Other, TimeSpan Elapsed);

/// <summary>
/// The monthly Indikatorrapport for Indikatorgruppen: <c>Indikatorrapport-yyyy-MM.xlsx</c> (Ändrat sedan förra
/// mötet after an approval of an earlier month, Sammanfattning with the group's comments, one sheet per area with
/// 13 months and native charts, Uppföljning where there are actions, Leveranser, Definitioner, Diagramdata) and, in
/// <c>Indikatorrapport-yyyy-MM-diagram/</c>, each indicator's trend chart and the region's control chart
/// as PNG and SVG.
/// </summary>
public static class MonthlyReport
{
    public const int DisplayMonths = 13;

    /// <summary>Two years give the run rules enough points to see a shift, without reaching back to a process long gone.</summary>
    public const int SpcMonths = 24;

    public static string FileName(DateOnly month) => $"Indikatorrapport-{Periods.Label(month)}.xlsx";

    public static async Task<ReportFiles> WriteAsync(ReportContext context, DateOnly month, string outDir, CancellationToken ct = default)
    {
        var (db, disclosure) = (context.Db, context.Disclosure);
        var clock = Stopwatch.StartNew();
        var spcMonths = Periods.MonthsEndingWith(month, SpcMonths);
        var displayMonths = Periods.MonthsEndingWith(month, DisplayMonths);
        var data = await ReportData.LoadAsync(db, disclosure, [new ValuesFilter(spcMonths[0], month)], ct);
        var coverage = await DeliveryCoverage.LoadAsync(db, displayMonths[0], month, ct);
        var meeting = await MeetingNotes.LoadAsync(db, disclosure, month, ct);
        var sections = ReportAreas.Sections(IndicatorCatalog.All);
        Directory.CreateDirectory(outDir);

        var workbookPath = Path.Combine(outDir, FileName(month));
        var footer = $"Indikatorrapport {Periods.SwedishMonth(month)}";
        var created = DateTime.Now;
        var periods = displayMonths.Select(m => (Periods.Label(m), m)).ToList();
        var charts = new List<NativeLineChart>();
        using (var workbook = new XLWorkbook())
        {
            if (meeting.PreviousMeeting is { } previous) ChangesSheet.Write(workbook, previous, meeting.Revisions, disclosure, footer);
            SummarySheet.Write(workbook, data, sections, month, footer, created, meeting);
            var chartData = new ChartDataSheet(workbook);
            foreach (var (area, indicators) in sections)
            {
                var sheet = new TrendSheet(workbook, area.SheetName, $"{area.Name} – {DisplayMonths} månader till och med {Periods.SwedishMonth(month)}",
                    $"Kommunerna och Region Halland per månad. Kursiv = preliminärt. {Disclosure.Note(disclosure)}. Mål i rött.",
                    data, chartData, periods, ReportAreas.AreaCodes, Periods.Label(month));
                foreach (var indicator in indicators) sheet.Add(indicator);
                sheet.Finish(footer);
                charts.AddRange(sheet.Charts);
            }
            if (meeting.Actions.Count > 0) FollowUpSheet.Write(workbook, meeting.Actions, month, footer);
            DeliveriesSheet.Write(workbook, coverage, displayMonths, footer);
            DefinitionsSheet.Write(workbook, data, sections, month, footer);
            chartData.Finish(footer);
            Look.Properties(workbook, $"Indikatorrapport {Periods.SwedishMonth(month)}",
                "Omtanke Halland – indikatorer för god och nära vård", created);
            workbook.SaveAs(workbookPath);
        }
        SavedWorkbook.Complete(workbookPath, charts);

        var chartFolder = Path.Combine(outDir, $"Indikatorrapport-{Periods.Label(month)}-diagram");
        var images = ChartImages(data, sections, periods, spcMonths, chartFolder);
        await context.AuditAsync("rapport-månad", workbookPath,
            new { period = Periods.Label(month), diagram = Path.GetFileName(chartFolder), filer = images.Count + 1 }, ct);
        return new ReportFiles(workbookPath, images, clock.Elapsed);
    }

    /// <summary>
    /// Per indicator: the areas over 13 months with the target, and every area's control chart over 24,
    /// since Sammanfattning judges the municipalities' months as well as the region's.
    /// </summary>
    private static List<string> ChartImages(ReportData data, IReadOnlyList<ReportSection> sections,
        IReadOnlyList<(string, DateOnly)> periods, IReadOnlyList<DateOnly> spcMonths, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var indicator in sections.SelectMany(s => s.Indicators))
        {
            var trend = TrendChart.Render(TrendChartData.Build(data, indicator, ReportAreas.AreaCodes, periods));
            var (png, svg) = ChartRendering.Save(trend, Path.Combine(folder, indicator.Id), ChartLayout.Wide);
            files.AddRange([png, svg]);
            foreach (var area in ReportAreas.AreaCodes)
            {
                var result = data.Spc(indicator, area, spcMonths);
                if (result.Points.Count == 0) continue;
                var spc = SpcChart.Render($"{indicator.Name} – {Areas.Name(area)}", indicator.Unit, result,
                    data.TargetAt(indicator, spcMonths[^1]));
                var name = area == Areas.Region ? $"{indicator.Id}-styrdiagram" : $"{indicator.Id}-styrdiagram-{area}";
                var (spcPng, spcSvg) = ChartRendering.Save(spc, Path.Combine(folder, name), ChartLayout.Wide);
                files.AddRange([spcPng, spcSvg]);
            }
        }
        return files;
    }
}
