using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;

namespace Omtanke.Web.Reports;

/// <summary>
/// The reports of Omtanke.Core (the monthly Indikatorrapport, the quarterly RUG follow-up, a municipality's
/// local extract) as downloadable workbooks: each is written to a folder of its own and read back.
/// </summary>
public sealed class WorkbookReports(NpgsqlDataSource db, DisclosureSettings disclosure) : IReportRenderer
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Task<RenderedReport> MonthlyAsync(DateOnly month, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => MonthlyReport.WriteAsync(context, month, dir, ct), actor);

    public Task<RenderedReport> QuarterlyAsync(int year, int quarter, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => QuarterlyReport.WriteAsync(context, new Quarter(year, quarter), dir, ct), actor);

    public Task<RenderedReport> MunicipalExtractAsync(string kommunkod, DateOnly from, DateOnly to, string actor, CancellationToken ct) =>
        RenderAsync((context, dir) => MunicipalExtract.WriteAsync(context, kommunkod, from, to, dir, ct), actor);

    private async Task<RenderedReport> RenderAsync(Func<ReportContext, string, Task<ReportFiles>> write, string actor)
    {
        var dir = Directory.CreateTempSubdirectory("omtanke-rapport-");
        try
        {
            var files = await write(new ReportContext(db, disclosure, actor), dir.FullName);
            return new RenderedReport(Path.GetFileName(files.Workbook), Xlsx, await File.ReadAllBytesAsync(files.Workbook));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
