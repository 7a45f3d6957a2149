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
public sealed class LoggaInModel(UserStore users, SignInThrottle throttle, NpgsqlDataSource db, WebOptions options) : PageModel
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
        var name = UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.WaitAsync(name, address, ct) is { } wait)
        {
            await SignInSetup.AuditAsync(db, name, "inloggning-spärrad", new { via = "lösenord", address = address?.ToString() }, ct);
            return Refused(SignInThrottle.Refusal(wait));
        }
        var user = name.Length == 0 || string.IsNullOrEmpty(Password) ? null : await users.VerifyAsync(name, Password, ct);
        if (user is null)
        {
            await throttle.FailedAsync(name, address, ct);
            await SignInSetup.AuditAsync(db, name, "inloggning-misslyckad", new { via = "lösenord", address = address?.ToString() }, ct);
            return Refused("Fel användarnamn eller lösenord.");
        }
        await throttle.SucceededAsync(name, ct);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInSetup.Principal(user, "lösenord"));
        await SignInSetup.AuditAsync(db, user.UserName, "inloggning", new { via = "lösenord" }, ct);
        return LocalRedirect(SafeReturnUrl);
    }

    public IActionResult OnPostOidc() => OidcConfigured
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, SignInSetup.Oidc)
        : NotFound();

    private PageResult Refused(string error)
    {
        Error = error;
        Password = "";
        return Page();
    }

    private string SafeReturnUrl => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";
}
