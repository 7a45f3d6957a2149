using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Pages.Konto;

public sealed class LoggaUtModel(UserStore users) : PageModel
{
    /// <summary>Ends the session on the server too: deleting the browser's cookie alone leaves any copy of it valid.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) await users.EndSessionsAsync(id, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/logga-in");
    }
}
