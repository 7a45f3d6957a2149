using Omtanke.Core.Import;
using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

/// <summary>Every source the service imports. Adding a source is adding its folder and one line here.</summary>
public static class SourceCatalog
{
    public static IReadOnlyList<SourceDefinition> All { get; } =
    [
        UtskrivningsklaraSource.Definition,
        SlutenvardSource.Definition,
        SipSource.Definition,
        FastLakarkontaktSource.Definition,
        KontinuitetSource.Definition,
        LakarbesokSource.Definition,
        AvvikelserSource.Definition,
        HemsjukvardSource.Definition,
        PalliativSource.Definition,
        BefolkningSource.Definition,
    ];

    public static SourceDefinition? Find(string id) =>
        All.FirstOrDefault(s => s.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    public static SourceDefinition Get(string id) =>
        Find(id) ?? throw new ArgumentException($"Unknown source {id}.");
}

/// <summary>Every indicator of the Indikatorrapport, in the catalogue's order.</summary>
public static class IndicatorCatalog
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        .. UtskrivningsklaraIndicators.All,
        .. ReadmissionIndicators.All,
        .. SipIndicators.All,
        .. FastLakarkontaktIndicators.All,
        .. KontinuitetIndicators.All,
        .. ContinuityIndicators.All,
        .. AvvikelserIndicators.All,
        .. HemsjukvardIndicators.All,
        .. PalliativIndicators.All,
    ];

    public static IndicatorDefinition? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
