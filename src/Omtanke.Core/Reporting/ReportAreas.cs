using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting;

/// <summary>
/// A chapter of the Indikatorrapport. <see cref="SheetName"/> is the heading shortened to Excel's
/// 31-character limit for sheet names.
/// </summary>
public sealed record ReportArea(string Name, string SheetName, IReadOnlyList<string> SourceIds);

/// <summary>An area with the catalogue's indicators that belong to it, in catalogue order.</summary>
public sealed record ReportSection(ReportArea Area, IReadOnlyList<IndicatorDefinition> Indicators);

/// <summary>
/// The report's areas, each the indicators of one or more sources. Indicators are placed by their
/// source, so an indicator added to the catalogue appears in the report without touching this file.
/// </summary>
public static class ReportAreas
{
    public static IReadOnlyList<ReportArea> All { get; } =
    [
        new("Utskrivning", "Utskrivning", ["utskrivningsklara"]),
        new("Återinskrivning", "Återinskrivning", ["slutenvard"]),
        new("SIP", "SIP", ["sip"]),
        new("Fast läkarkontakt och kontinuitet", "Läkarkontakt och kontinuitet", ["fast_lakarkontakt", "kontinuitet", "lakarbesok"]),
        new("Avvikelser och tvister", "Avvikelser och tvister", ["avvikelser"]),
        new("Hemsjukvård", "Hemsjukvård", ["hemsjukvard"]),
        new("Palliativ vård", "Palliativ vård", ["palliativ"]),
    ];

    /// <summary>Where an indicator of a source no area names goes, so that no indicator is left out.</summary>
    public static ReportArea Other { get; } = new("Övriga indikatorer", "Övriga indikatorer", []);

    public static ReportArea Of(IndicatorDefinition indicator) =>
        All.FirstOrDefault(a => a.SourceIds.Contains(indicator.SourceId)) ?? Other;

    /// <summary>The areas that hold at least one of the indicators, in report order.</summary>
    public static IReadOnlyList<ReportSection> Sections(IEnumerable<IndicatorDefinition> indicators)
    {
        var list = indicators.ToList();
        return All.Append(Other)
            .Select(area => new ReportSection(area, list.Where(i => Of(i) == area).ToList()))
            .Where(s => s.Indicators.Count > 0)
            .ToList();
    }

    /// <summary>The six municipalities in kommunkod order, then the region: the rows of every table.</summary>
    public static IReadOnlyList<string> AreaCodes { get; } = [.. Areas.Municipalities.Keys, Areas.Region];
}
