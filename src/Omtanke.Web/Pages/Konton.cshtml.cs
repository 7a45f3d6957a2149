using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Pages;

/// <summary>Konton: administrators make local accounts and API keys.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class KontonModel(UserStore users, ApiKeyStore keys) : PageModel
{
    private const int MinPasswordLength = 12;

    public List<UserAccount> Users { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Saved { get; private set; }
    /// <summary>A new API key, shown this once.</summary>
    public string? NewKey { get; private set; }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Reader;
    [BindProperty] public string? Kommunkod { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(ct);

    public async Task<IActionResult> OnPostUserAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) Error = "Ange ett användarnamn.";
        else if ((Password ?? "").Length < MinPasswordLength) Error = $"Lösenordet ska ha minst {MinPasswordLength} tecken.";
        else
            await TryAsync(async () =>
            {
                await users.CreateAsync(Name.Trim(), DisplayName?.Trim() is { Length: > 0 } d ? d : Name.Trim(), Password,
                    Role, KommunkodForRole, Viewer.Of(User).Name, ct);
                Saved = $"Kontot {Name.Trim()} är skapat.";
            });
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostKeyAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) Error = "Ange ett namn på nyckeln (vilket system som använder den).";
        else
            await TryAsync(async () =>
            {
                NewKey = await keys.CreateAsync(Name.Trim(), Role, KommunkodForRole, Viewer.Of(User).Name, ct);
                Saved = $"API-nyckeln {Name.Trim()} är skapad. Kopiera den nu: den visas inte igen.";
            });
        await OnGetAsync(ct);
        return Page();
    }

    private string? KommunkodForRole => Role == Roles.Municipality ? Kommunkod : null;

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            Error = "Det namnet finns redan.";
        }
    }
}
