using System.Diagnostics;
using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Extracts;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting;

/// <summary>
/// A municipality's local extract for its development leads: every indicator for the municipality
/// beside the region over the months, with native charts, and breakdowns of the municipality's own
/// rows (hospital and ward, care form, age group) for analysing patient flows, all with disclosure control.
/// </summary>
public static class MunicipalExtract
{
    public static string FileName(string kommun, DateOnly from, DateOnly to) =>
        $"Lokalt-uttag-{kommun}-{Areas.Name(kommun)}-{Periods.Label(from)}-{Periods.Label(to)}.xlsx";

    public static async Task<ReportFiles> WriteAsync(ReportContext context, string kommun, DateOnly from, DateOnly to,
        string outDir, CancellationToken ct = default)
    {
        var (db, disclosure) = (context.Db, context.Disclosure);
        if (!Areas.IsMunicipality(kommun)) throw new ArgumentException($"{kommun} is not one of Halland's municipalities.", nameof(kommun));
        var clock = Stopwatch.StartNew();
        string[] areas = [kommun, Areas.Region];
        var data = await ReportData.LoadAsync(db, disclosure, [new ValuesFilter(from, to, PeriodType.Month, null, areas)], ct);
        var breakdowns = new List<(Breakdown Breakdown, List<BreakdownRow> Rows)>();
        foreach (var breakdown in BreakdownCatalog.Available)
            breakdowns.Add((breakdown, await BreakdownValues.ReadAsync(db, breakdown, kommun, from, to, ct)));

        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, FileName(kommun, from, to));
        var period = $"{Periods.Label(from)} – {Periods.Label(to)}";
        var place = $"{Areas.Name(kommun)}, {period}";
        var footer = $"Lokalt uttag {place}";
        var created = DateTime.Now;
        var sections = ReportAreas.Sections(IndicatorCatalog.All);
        var periods = Periods.MonthsBetween(from, to).Select(m => (Periods.Label(m), m)).ToList();
        List<NativeLineChart> charts;
        using (var workbook = new XLWorkbook())
        {
            var chartData = new ChartDataSheet(workbook);
            var trends = new TrendSheet(workbook, "Kommun och region", $"{Areas.Name(kommun)} och Region Halland, {Periods.Label(from)} – {Periods.Label(to)}",
                $"Lokalt uttag, skapat {created:yyyy-MM-dd HH:mm}. Kursiv = preliminärt. {Disclosure.Note(disclosure)}. Mål i rött. " +
                "Uppdelningar av kommunens egna data på följande blad.",
                data, chartData, periods, areas, Periods.Label(to));
            foreach (var indicator in sections.SelectMany(s => s.Indicators)) trends.Add(indicator);
            trends.Finish(footer);
            charts = [.. trends.Charts];
            foreach (var (breakdown, rows) in breakdowns)
                BreakdownSheet.Write(workbook, breakdown, rows, disclosure, place, footer);
            DefinitionsSheet.Write(workbook, data, sections, to, footer);
            chartData.Finish(footer);
            Look.Properties(workbook, $"Lokalt uttag – {place}", "Omtanke Halland – kommunens indikatorer och uppdelningar", created);
            workbook.SaveAs(path);
        }
        SavedWorkbook.Complete(path, charts);
        await context.AuditAsync("lokalt-uttag", path, new { kommun, från = Periods.Label(from), till = Periods.Label(to) }, ct);
        return new ReportFiles(path, [], clock.Elapsed);
    }
}
