using Microsoft.AspNetCore.Mvc;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Pages.Konton;

/// <summary>One account: an administrator changes its role, sets its password, or deactivates or reactivates it.</summary>
public sealed class KontoModel(UserStore users) : AdministrationPage
{
    public UserAccount Account { get; private set; } = default!;

    [BindProperty] public string Role { get; set; } = "";
    [BindProperty] public string? Kommunkod { get; set; }
    [BindProperty] public string? Password { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostRoleAsync(long id, CancellationToken ct)
    {
        var kommunkod = RoleChoice.KommunkodFor(Role, Kommunkod);
        await TryAsync(async () =>
        {
            await users.ChangeRoleAsync(id, Role, kommunkod, Actor, ct);
            return $"Rollen är nu {Role}{(kommunkod is null ? "" : $" för {Omtanke.Core.Indicators.Areas.Name(kommunkod)}")}.";
        });
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostPasswordAsync(long id, CancellationToken ct)
    {
        await TryAsync(async () =>
        {
            await users.SetPasswordAsync(id, Password ?? "", Actor, ct);
            return "Lösenordet är satt. Kontots tidigare inloggningar är avslutade.";
        });
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken ct)
    {
        await TryAsync(async () =>
        {
            await users.DeactivateAsync(id, Actor, ct);
            return "Kontot är avstängt.";
        });
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostReactivateAsync(long id, CancellationToken ct)
    {
        await TryAsync(async () =>
        {
            await users.ReactivateAsync(id, Actor, ct);
            return "Kontot är aktivt igen.";
        });
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        if (await users.GetAsync(id, ct) is not { } account) return NotFound();
        Account = account;
        return Page();
    }
}
