using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Pages.Konton;

/// <summary>What the account administration pages share: administrators only, and a change's outcome shown in Swedish.</summary>
[Authorize(Policy = Policies.Administer)]
public abstract class AdministrationPage : PageModel
{
    public string? Error { get; protected set; }
    public string? Saved { get; protected set; }

    protected string Actor => Viewer.Of(User).Name;

    /// <summary>Makes a change; a refused one leaves its reason in <see cref="Error"/>, else <paramref name="saved"/> is shown.</summary>
    protected async Task TryAsync(Func<Task<string>> change)
    {
        try
        {
            Saved = await change();
        }
        catch (AccountRefusedException e)
        {
            Error = e.Message;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            Error = "Det användarnamnet finns redan (kanske som ett avstängt konto, som kan återaktiveras). Välj ett annat.";
        }
    }
}
