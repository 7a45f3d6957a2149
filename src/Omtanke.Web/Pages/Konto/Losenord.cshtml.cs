using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Pages.Konto;

/// <summary>Byt lösenord: every signed-in user with a local password changes it, proving the current one.</summary>
[Authorize(AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme)]
public sealed class LosenordModel(UserStore users) : PageModel
{
    public bool HasPassword { get; private set; }
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Repeat { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await AccountAsync(ct) is { } account ? Show(account) : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await AccountAsync(ct) is not { } account) return Forbid();
        if (Password != Repeat)
        {
            Error = "De två nya lösenorden är inte lika. Skriv samma nya lösenord i båda fälten.";
            return Show(account);
        }
        try
        {
            if (await users.ChangeOwnPasswordAsync(account.Id, Current, Password, ct) is not { } changed)
            {
                Error = "Det nuvarande lösenordet stämmer inte. Försök igen.";
                return Show(account);
            }
            // The new session stamp ended every session of the account, this one too: it goes on with a new cookie.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                SignInSetup.Principal(changed, User.FindFirstValue(ClaimTypes.AuthenticationMethod) ?? "lösenord"));
            Saved = "Lösenordet är bytt.";
            return Show(changed);
        }
        catch (AccountRefusedException e)
        {
            Error = e.Message;
            return Show(account);
        }
    }

    /// <summary>The signed-in person's own account, as the session check found it for this request.</summary>
    private async Task<UserAccount?> AccountAsync(CancellationToken ct) =>
        long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await users.GetAsync(id, ct) : null;

    private PageResult Show(UserAccount account)
    {
        HasPassword = account.PasswordHash is not null;
        return Page();
    }
}
