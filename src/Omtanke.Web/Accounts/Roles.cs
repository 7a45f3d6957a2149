using System.Security.Claims;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;

namespace Omtanke.Web.Accounts;

/// <summary>The four roles. The stored and shown names are Swedish, as the users know them.</summary>
public static class Roles
{
    public const string Administrator = "administratör";
    public const string Analyst = "analytiker";
    public const string Municipality = "kommun";
    public const string Reader = "läsare";

    public static IReadOnlyList<string> All { get; } = [Administrator, Analyst, Municipality, Reader];

    /// <summary>The claim that binds a user of the role kommun to one kommunkod.</summary>
    public const string KommunClaim = "kommunkod";
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Uploads extracts and starts imports (a municipality only its own; see <see cref="Viewer.ImportScope"/>).</summary>
    public const string Import = "import";
    /// <summary>Sees deliveries (file names, summaries, error reports).</summary>
    public const string Deliveries = "leveranser";
    /// <summary>Changes targets, runs the job dashboard, manages accounts.</summary>
    public const string Administer = "administrera";
}

/// <summary>Who is looking, reduced to what disclosure control needs.</summary>
public sealed record Viewer(string Name, string Role, string? Kommunkod)
{
    /// <summary>Anyone: what published outputs show.</summary>
    public static Viewer Public { get; } = new("publicerad", Roles.Reader, null);

    public static Viewer Of(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "okänd",
        user.FindFirstValue(ClaimTypes.Role) ?? Roles.Reader,
        user.FindFirstValue(Roles.KommunClaim));

    /// <summary>
    /// The raw-data role: administrators and analysts see every value; a municipality sees its own
    /// municipality's values unhidden and everything else as published; readers see what is published.
    /// </summary>
    public bool SeesRawValuesOf(string area) =>
        SeesAllData || Role == Roles.Municipality && area == Kommunkod && Areas.IsMunicipality(area);

    /// <summary>The region's people, who work with every municipality's data.</summary>
    public bool SeesAllData => Role is Roles.Administrator or Roles.Analyst;

    /// <summary>What this viewer's uploads may hold: a municipality delivers only its own slices.</summary>
    public ImportScope ImportScope => Role == Roles.Municipality
        ? ImportScope.Municipality(Kommunkod ?? throw new InvalidOperationException($"{Name} has the role kommun but no kommunkod."))
        : ImportScope.Everything;

    /// <summary>The areas whose values this viewer sees unhidden: what report data read for the viewer may reveal.</summary>
    public IReadOnlySet<string> RawValueAreas => ReportAreas.AreaCodes.Where(SeesRawValuesOf).ToHashSet();
}
