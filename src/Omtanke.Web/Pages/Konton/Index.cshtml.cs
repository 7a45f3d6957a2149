using Microsoft.AspNetCore.Mvc;
using Omtanke.Web.Accounts;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Pages.Konton;

/// <summary>Konton: administrators see every account and API key, make new ones and revoke keys.</summary>
public sealed class IndexModel(UserStore users, ApiKeyStore keys, WebOptions options) : AdministrationPage
{
    public List<UserAccount> Users { get; private set; } = [];
    public List<ApiKey> Keys { get; private set; } = [];
    /// <summary>A new API key, shown this once.</summary>
    public string? NewKey { get; private set; }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Reader;
    [BindProperty] public string? Kommunkod { get; set; }
    [BindProperty] public long KeyId { get; set; }

    /// <summary>With an identity provider, an account may be made without a password: for it, to be bound at its first sign-in.</summary>
    public bool OidcConfigured => options.Oidc.IsConfigured;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUserAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) Error = "Ange ett användarnamn.";
        else
            await TryAsync(async () =>
            {
                await users.CreateAsync(Name.Trim(), DisplayName?.Trim() is { Length: > 0 } d ? d : Name.Trim(), OidcConfigured && string.IsNullOrEmpty(Password) ? null : Password ?? "",
                    Role, RoleChoice.KommunkodFor(Role, Kommunkod), Actor, ct);
                return $"Kontot {Name.Trim()} är skapat.";
            });
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostKeyAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) Error = "Ange ett namn på nyckeln (vilket system som använder den).";
        else
            await TryAsync(async () =>
            {
                NewKey = await keys.CreateAsync(Name.Trim(), Role, RoleChoice.KommunkodFor(Role, Kommunkod), Actor, ct);
                return $"API-nyckeln {Name.Trim()} är skapad. Kopiera den nu: den visas inte igen.";
            });
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await TryAsync(async () =>
            $"API-nyckeln {await keys.RevokeAsync(KeyId, Actor, ct)} är återkallad och fungerar inte längre.");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await users.ListAsync(ct);
        Keys = await keys.ListAsync(ct);
    }
}
