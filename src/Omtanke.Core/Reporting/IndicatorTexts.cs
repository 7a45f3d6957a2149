using System.Globalization;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Core.Targets;

namespace Omtanke.Core.Reporting;

/// <summary>How the reports describe an indicator in Swedish: unit, direction, target, definition, source.</summary>
public static class IndicatorTexts
{
    public static string NameWithUnit(IndicatorDefinition indicator) =>
        string.IsNullOrEmpty(indicator.Unit) ? indicator.Name : $"{indicator.Name} ({indicator.Unit})";

    public static string Direction(Direction direction) => direction switch
    {
        Indicators.Direction.Lower => "Lägre är bättre",
        Indicators.Direction.Higher => "Högre är bättre",
        _ => "Ingen riktning",
    };

    public static string Target(Target? target) =>
        target?.Value is { } value ? $"{target.DirectionText} {value.ToString("#,##0.##", Periods.Swedish)}" : "";

    /// <summary>The target with the month it applies from, for the definitions; a default target has always applied.</summary>
    public static string TargetSince(Target? target) =>
        target is null ? "Inget mål"
        : target.SetBy == Targets.Target.DefaultSetBy ? $"{Target(target)} (förvalt, nationellt mål)"
        : $"{Target(target)} från {target.ValidFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    public static string Status(TargetStatus status) => status switch
    {
        TargetStatus.Met => "Uppfyllt",
        TargetStatus.NotMet => "Ej uppfyllt",
        _ => "",
    };

    public static string Source(IndicatorDefinition indicator) => SourceCatalog.Find(indicator.SourceId)?.Title ?? indicator.SourceId;

    /// <summary>How the value is formed from numerator and denominator, and how quarters and years are formed from months.</summary>
    public static string Definition(IndicatorDefinition indicator)
    {
        var month = indicator.Kind == IndicatorKind.Count
            ? "Antal per månad (täljaren)."
            : indicator.Factor == 1
                ? "Täljare / nämnare per månad."
                : $"{indicator.Factor.ToString("#,##0", Periods.Swedish)} × täljare / nämnare per månad.";
        var periods = indicator.Aggregation == Aggregation.Flow
            ? indicator.Kind == IndicatorKind.Count
                ? "Kvartal och år: antalen summeras över periodens månader med data."
                : indicator.PopulationColumn is null
                ? "Kvartal och år: täljare och nämnare summeras över periodens månader med data."
                : "Kvartal och år: täljaren summeras över periodens månader med data; nämnaren är befolkningen."
            : "Kvartal och år: periodens senaste månad med data.";
        return $"{month} {periods}";
    }
}
