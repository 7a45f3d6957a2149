using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;

namespace Omtanke.Web.Reports;

/// <summary>
/// The reports of Omtanke.Core (the monthly Indikatorrapport, the quarterly RUG follow-up, a municipality's
/// local extract) as downloadable workbooks: each is written to a folder of its own and read back. The RUG
/// follow-up's HTML page comes with its workbook; the monthly report's chart images are left out, the
/// workbook has its own native charts.
/// </summary>
public sealed class WorkbookReports(NpgsqlDataSource db, DisclosureSettings disclosure) : IReportRenderer
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Html = "text/html; charset=utf-8";

    public Task<RenderedReport> MonthlyAsync(DateOnly month, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => MonthlyReport.WriteAsync(context, month, dir, ct), actor);

    public Task<RenderedReport> QuarterlyAsync(int year, int quarter, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => QuarterlyReport.WriteAsync(context, new Quarter(year, quarter), dir, ct), actor, withCompanions: true);

    public Task<RenderedReport> MunicipalExtractAsync(string kommunkod, DateOnly from, DateOnly to, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => MunicipalExtract.WriteAsync(context, kommunkod, from, to, dir, ct), actor);

    /// <summary>The meeting pack's workbook; its chart images stay out, as the monthly report's do.</summary>
    public Task<RenderedReport> MeetingPackAsync(DateOnly month, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => MeetingPack.WriteAsync(context, month, dir, ct), actor);

    private async Task<RenderedReport> RenderAsync(Func<ReportContext, string, Task<ReportFiles>> write, string actor,
        bool withCompanions = false)
    {
        var dir = Directory.CreateTempSubdirectory("omtanke-rapport-");
        try
        {
            var files = await write(new ReportContext(db, disclosure, actor), dir.FullName);
            var report = await ReadAsync(files.Workbook);
            if (!withCompanions) return report;
            var companions = new List<RenderedReport>();
            foreach (var other in files.Other) companions.Add(await ReadAsync(other));
            return report with { Companions = companions };
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<RenderedReport> ReadAsync(string path) =>
        new(Path.GetFileName(path), Path.GetExtension(path) == ".html" ? Html : Xlsx, await File.ReadAllBytesAsync(path));
}
