using System.Diagnostics;
using System.Text;
using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Html;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting;

/// <summary>
/// The quarterly follow-up for RUG: <c>RUG-uppfoljning-yyyy-Qn.xlsx</c> (one one-page sheet per area,
/// and Definitioner) and <c>RUG-uppfoljning-yyyy-Qn.html</c>, the same content as a printable page.
/// </summary>
public static class QuarterlyReport
{
    public static string BaseName(Quarter quarter) => $"RUG-uppfoljning-{quarter.Label}";

    public static async Task<ReportFiles> WriteAsync(ReportContext context, Quarter quarter, string outDir, CancellationToken ct = default)
    {
        var (db, disclosure) = (context.Db, context.Disclosure);
        var clock = Stopwatch.StartNew();
        var first = quarter.Minus(QuarterlyModel.QuartersShown - 1).FirstMonth;
        var spcFrom = quarter.LastMonth.AddMonths(1 - MonthlyReport.SpcMonths);
        var data = await ReportData.LoadAsync(db, disclosure,
            [new ValuesFilter(first, quarter.LastMonth, PeriodType.Quarter), new ValuesFilter(spcFrom, quarter.LastMonth)], ct);
        var sections = ReportAreas.Sections(IndicatorCatalog.All);
        var model = QuarterlyModel.Build(data, quarter, sections);
        Directory.CreateDirectory(outDir);
        var created = DateTime.Now;
        var footer = $"RUG-uppföljning {quarter.SwedishLabel}";

        var workbookPath = Path.Combine(outDir, BaseName(quarter) + ".xlsx");
        using (var workbook = new XLWorkbook())
        {
            foreach (var section in model.Sections) QuarterlySheet.Write(workbook, model, section, footer);
            DefinitionsSheet.Write(workbook, data, sections, quarter.FirstMonth, footer);
            Look.Properties(workbook, footer, "Omtanke Halland – kvartalsuppföljning för Regional utvecklingsgrupp", created);
            workbook.SaveAs(workbookPath);
        }
        SavedWorkbook.Complete(workbookPath, []);

        var htmlPath = Path.Combine(outDir, BaseName(quarter) + ".html");
        await File.WriteAllTextAsync(htmlPath, QuarterlyHtmlPage.Render(model, created), new UTF8Encoding(false), ct);
        await context.AuditAsync("rapport-kvartal", workbookPath, new { period = quarter.Label, sida = Path.GetFileName(htmlPath) }, ct);
        return new ReportFiles(workbookPath, [htmlPath], clock.Elapsed);
    }
}
