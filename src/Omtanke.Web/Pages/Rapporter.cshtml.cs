using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;
using Omtanke.Web.Presentation;
using Omtanke.Web.Reports;

namespace Omtanke.Web.Pages;

/// <summary>Rapporter: the archive of produced reports, and a report of any month or quarter on demand.</summary>
public sealed class RapporterModel(ReportArchive archive, IReportRenderer renderer, ReportRenderLimit limit, NpgsqlDataSource db)
    : PageModel
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
        if (Periods.Month(manad) is not { } month) return await ShowErrorAsync($"Ange månaden som {Periods.MonthFormatHint}.", ct);
        return await RenderAsync(actor => renderer.MonthlyAsync(month, actor, ct), new { month = manad }, ct);
    }

    public async Task<IActionResult> OnGetMotesunderlagAsync(string? manad, CancellationToken ct)
    {
        if (Periods.Month(manad) is not { } month) return await ShowErrorAsync($"Ange mötets månad som {Periods.MonthFormatHint}.", ct);
        return await RenderAsync(actor => renderer.MeetingPackAsync(month, actor, ct), new { meetingPack = manad }, ct);
    }

    public async Task<IActionResult> OnGetKvartalAsync(int? ar, int? kvartal, CancellationToken ct)
    {
        if (ar is not (>= Periods.FirstYear and <= Periods.LastYear) || kvartal is not (>= 1 and <= 4))
            return await ShowErrorAsync($"Ange år ({Periods.FirstYear}–{Periods.LastYear}) och kvartal 1–4.", ct);
        return await RenderAsync(actor => renderer.QuarterlyAsync(ar.Value, kvartal.Value, actor, ct), new { year = ar, quarter = kvartal }, ct);
    }

    /// <summary>A municipality's local extract: its own rows broken down, so only for a viewer with that municipality's raw data.</summary>
    public async Task<IActionResult> OnGetKommunAsync(string? kommun, string? fran, string? till, CancellationToken ct)
    {
        if (kommun is null || !Areas.IsMunicipality(kommun) || Periods.Month(fran) is not { } from || Periods.Month(till) is not { } to || to < from)
            return await ShowErrorAsync($"Välj kommun och ange månaderna som {Periods.MonthFormatHint}, den första före den sista.", ct);
        if (!Viewer.Of(User).SeesRawValuesOf(kommun)) return Forbid();
        return await RenderAsync(actor => renderer.MunicipalExtractAsync(kommun, from, to, actor, ct),
            new { kommun, from = fran, to = till }, ct);
    }

    /// <summary>The municipalities whose extract the viewer may take.</summary>
    public IEnumerable<KeyValuePair<string, string>> ExtractMunicipalities =>
        Areas.Municipalities.Where(m => Viewer.Of(User).SeesRawValuesOf(m.Key));

    private async Task<IActionResult> ShowErrorAsync(string error, CancellationToken ct)
    {
        Error = error;
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>A report rendered now, within the limit of renders at once; past it the page says when to ask again.</summary>
    private async Task<IActionResult> RenderAsync(Func<string, Task<RenderedReport>> render, object details, CancellationToken ct)
    {
        var actor = Viewer.Of(User).Name;
        var (lease, refusal) = limit.TryEnter(actor);
        if (lease is null)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = limit.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await ShowErrorAsync(refusal!, ct);
        }
        using (lease) return await DownloadAsync(await render(actor), details, ct);
    }

    /// <summary>Every download is audited with who took which report.</summary>
    private async Task<IActionResult> DownloadAsync(RenderedReport report, object details, CancellationToken ct)
    {
        await using (var conn = await db.OpenConnectionAsync(ct))
            await Audit.WriteAsync(conn, Viewer.Of(User).Name, "nedladdning", report.FileName, details, ct);
        return File(report.Content, report.ContentType, report.FileName);
    }
}
