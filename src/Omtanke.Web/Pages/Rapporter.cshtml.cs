using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Indicators;
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
        if (Month(manad) is not { } month) return await ShowErrorAsync("Ange månaden som ÅÅÅÅ-MM.", ct);
        return await DownloadAsync(await renderer.MonthlyAsync(month, Viewer.Of(User).Name, ct), new { month = manad }, ct);
    }

    public async Task<IActionResult> OnGetMotesunderlagAsync(string? manad, CancellationToken ct)
    {
        if (Month(manad) is not { } month) return await ShowErrorAsync("Ange mötets månad som ÅÅÅÅ-MM.", ct);
        return await DownloadAsync(await renderer.MeetingPackAsync(month, Viewer.Of(User).Name, ct), new { meetingPack = manad }, ct);
    }

    public async Task<IActionResult> OnGetKvartalAsync(int? ar, int? kvartal, CancellationToken ct)
    {
        if (ar is not (>= 2000 and <= 2100) || kvartal is not (>= 1 and <= 4))
            return await ShowErrorAsync("Ange år och kvartal 1–4.", ct);
        return await DownloadAsync(await renderer.QuarterlyAsync(ar.Value, kvartal.Value, Viewer.Of(User).Name, ct), new { year = ar, quarter = kvartal }, ct);
    }

    /// <summary>A municipality's local extract: its own rows broken down, so only for a viewer with that municipality's raw data.</summary>
    public async Task<IActionResult> OnGetKommunAsync(string? kommun, string? fran, string? till, CancellationToken ct)
    {
        if (kommun is null || !Areas.IsMunicipality(kommun) || Month(fran) is not { } from || Month(till) is not { } to || to < from)
            return await ShowErrorAsync("Välj kommun och ange månaderna som ÅÅÅÅ-MM.", ct);
        if (!Viewer.Of(User).SeesRawValuesOf(kommun)) return Forbid();
        return await DownloadAsync(await renderer.MunicipalExtractAsync(kommun, from, to, Viewer.Of(User).Name, ct),
            new { kommun, from = fran, to = till }, ct);
    }

    /// <summary>The municipalities whose extract the viewer may take.</summary>
    public IEnumerable<KeyValuePair<string, string>> ExtractMunicipalities =>
        Areas.Municipalities.Where(m => Viewer.Of(User).SeesRawValuesOf(m.Key));

    private static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;

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
