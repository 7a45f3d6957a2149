using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omtanke.Web.Accounts;
using Omtanke.Web.Deliveries;

namespace Omtanke.Web.Pages.Leveranser;

/// <summary>One delivery: its summary, the slices it covered, and for a rejected file its error report.</summary>
[Authorize(Policy = Policies.Deliveries)]
public sealed class LeveransModel(DeliveryHistory history) : PageModel
{
    public DeliveryDetail Detail { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await history.GetAsync(id, ct) is not { } detail) return NotFound();
        Detail = detail.For(Viewer.Of(User));
        return Page();
    }
}
