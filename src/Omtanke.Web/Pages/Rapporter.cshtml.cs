using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;
using Omtanke.Web.Reports;

namespace Omtanke.Web.Pages;

/// <summary>Rapporter: the archive of produced reports, and a report of any month or quarter on demand.</summary>
public sealed class RapporterModel(ReportArchive archive, IReportRenderer renderer, NpgsqlDataSource db) : PageModel
{
    public List<ArchivedReport> Archived { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Archived = await archive.ListAsync(ct);

    public async Task<IActionResult> OnGetArkivAsync(long id, CancellationToken ct)
    {
        if (await archive.GetAsync(id, ct) is not { } report) return NotFound();
        return await DownloadAsync(report, new { archive = id }, ct);
    }

    public async Task<IActionResult> OnGetManadAsync(string? manad, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(manad + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return await ShowErrorAsync("Ange månaden som ÅÅÅÅ-MM.", ct);
        return await DownloadAsync(await renderer.MonthlyAsync(month, ct), new { month = manad }, ct);
    }

    public async Task<IActionResult> OnGetKvartalAsync(int? ar, int? kvartal, CancellationToken ct)
    {
        if (ar is not (>= 2000 and <= 2100) || kvartal is not (>= 1 and <= 4))
            return await ShowErrorAsync("Ange år och kvartal 1–4.", ct);
        return await DownloadAsync(await renderer.QuarterlyAsync(ar.Value, kvartal.Value, ct), new { year = ar, quarter = kvartal }, ct);
    }

    private async Task<IActionResult> ShowErrorAsync(string error, CancellationToken ct)
    {
        Error = error;
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Every download is audited with who took which report.</summary>
    private async Task<IActionResult> DownloadAsync(RenderedReport report, object details, CancellationToken ct)
    {
        await using (var conn = await db.OpenConnectionAsync(ct))
            await Audit.WriteAsync(conn, Viewer.Of(User).Name, "nedladdning", report.FileName, details, ct);
        return File(report.Content, report.ContentType, report.FileName);
    }
}
