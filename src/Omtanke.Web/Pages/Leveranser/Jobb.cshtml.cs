using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omtanke.Web.Accounts;
using Omtanke.Web.Jobs;

namespace Omtanke.Web.Pages.Leveranser;

/// <summary>An upload's import job: reloads itself (no script needed) until the job is done, then shows the result.</summary>
[Authorize(Policy = Policies.Import)]
public sealed class JobbModel(ImportQueue queue) : PageModel
{
    public const int RefreshSeconds = 2;
    public ImportJobState State { get; private set; } = default!;

    public IActionResult OnGet(string jobId)
    {
        if (queue.Find(jobId) is not { } state || !state.IsVisibleTo(Viewer.Of(User))) return NotFound();
        State = state;
        return Page();
    }
}
