using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Omtanke.Web.Accounts;

/// <summary>
/// A session cookie lasts for hours, and an administrator's change must not wait for it to expire. Every request
/// with a cookie looks up its account: deactivated, or its password set or changed since the cookie was made (a
/// new session stamp), and the session ends; a new role, municipality or name, and the cookie is renewed with it.
/// </summary>
public static class SessionCheck
{
    public const string StampClaim = "session_stamp";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var session = context.Principal!;
        var account = long.TryParse(session.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await context.HttpContext.RequestServices.GetRequiredService<UserStore>().GetAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (account is not { IsActive: true } || account.SessionStamp != session.FindFirstValue(StampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (account.Role != session.FindFirstValue(ClaimTypes.Role) || account.Kommunkod != session.FindFirstValue(Roles.KommunClaim)
            || account.DisplayName != session.FindFirstValue(ClaimTypes.GivenName))
        {
            context.ReplacePrincipal(SignInSetup.Principal(account, session.FindFirstValue(ClaimTypes.AuthenticationMethod) ?? "lösenord"));
            context.ShouldRenew = true;
        }
    }
}
