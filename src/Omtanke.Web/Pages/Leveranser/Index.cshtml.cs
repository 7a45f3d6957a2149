using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Web.Accounts;
using Omtanke.Web.Deliveries;
using Omtanke.Web.Jobs;

namespace Omtanke.Web.Pages.Leveranser;

/// <summary>Leveranser: upload an extract, the delivery history, and which source has data for which month and municipality.</summary>
[Authorize(Policy = Policies.Deliveries)]
public sealed class IndexModel(DeliveryHistory history, ImportQueue queue, IAuthorizationService authorization) : PageModel
{
    public const int MonthsShown = 12;

    public List<Delivery> Deliveries { get; private set; } = [];
    public List<DateOnly> Months { get; } = [];
    public Dictionary<(string Source, DateOnly Month), List<string>> Covered { get; } = [];
    public bool CanImport { get; private set; }
    /// <summary>What the signed-in user's uploads may hold: the form offers only the sources it allows.</summary>
    public ImportScope Scope { get; private set; } = ImportScope.Everything;
    public string? Refusal { get; private set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Source { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Import)).Succeeded) return Forbid();
        if (Upload is null || Upload.Length == 0)
            Refusal = "Välj en fil att ladda upp.";
        else if (!string.IsNullOrEmpty(Source) && SourceCatalog.Find(Source) is null)
            Refusal = "Okänd källa.";
        else
        {
            await using var content = Upload.OpenReadStream();
            var receipt = await queue.EnqueueUploadAsync(content, Upload.FileName, Viewer.Of(User), "web",
                string.IsNullOrEmpty(Source) ? null : Source, ct);
            if (receipt.JobId is { } id) return Redirect($"/leveranser/jobb/{id}");
            Refusal = receipt.Refusal;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanImport = (await authorization.AuthorizeAsync(User, Policies.Import)).Succeeded;
        if (CanImport) Scope = Viewer.Of(User).ImportScope;
        Deliveries = await history.ListAsync(Viewer.Of(User), 0, 50, ct);
        var latest = await history.LatestMonthAsync(ct) ?? new DateOnly(DateTime.Today.Year, DateTime.Today.Month, 1);
        // Newest first: the months still being delivered are the ones people look for.
        for (var m = latest; m > latest.AddMonths(-MonthsShown); m = m.AddMonths(-1)) Months.Add(m);
        foreach (var slice in await history.CoverageAsync(Months[^1], latest, ct))
        {
            if (!Covered.TryGetValue((slice.Source, slice.Month), out var list)) Covered[(slice.Source, slice.Month)] = list = [];
            if (Areas.IsMunicipality(slice.Kommunkod)) list.Add(slice.Kommunkod);
        }
    }

    public string CoverageClass(int count) => count == Areas.Municipalities.Count ? "cov-full" : count == 0 ? "cov-none" : "cov-part";
}
