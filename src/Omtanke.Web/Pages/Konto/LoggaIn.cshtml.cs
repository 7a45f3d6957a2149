using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Web.Accounts;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Pages.Konto;

[AllowAnonymous]
public sealed class LoggaInModel(UserStore users, NpgsqlDataSource db, WebOptions options) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool OidcConfigured => options.Oidc.IsConfigured;
    public string OidcName => options.Oidc.DisplayName;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password)
            ? null
            : await users.VerifyAsync(UserName.Trim(), Password, ct);
        if (user is null)
        {
            await SignInSetup.AuditAsync(db, UserName.Trim(), "inloggning-misslyckad", new { via = "lösenord" }, ct);
            Error = "Fel användarnamn eller lösenord.";
            Password = "";
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInSetup.Principal(user, "lösenord"));
        await SignInSetup.AuditAsync(db, user.UserName, "inloggning", new { via = "lösenord" }, ct);
        return LocalRedirect(SafeReturnUrl);
    }

    public IActionResult OnPostOidc() => OidcConfigured
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, SignInSetup.Oidc)
        : NotFound();

    private string SafeReturnUrl => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";
}
