using Omtanke.Web.Accounts;

namespace Omtanke.Web.Pages.Konton;

/// <summary>The role fields of a form (<c>_RoleFields</c>): a role, and for the role kommun its municipality.</summary>
public sealed record RoleChoice(string Role, string? Kommunkod)
{
    public static RoleChoice New { get; } = new(Roles.Reader, null);

    /// <summary>The municipality as the form posted it, kept only for the role kommun ("–" posts an empty value).</summary>
    public static string? KommunkodFor(string role, string? posted) =>
        role == Roles.Municipality && !string.IsNullOrWhiteSpace(posted) ? posted : null;
}
