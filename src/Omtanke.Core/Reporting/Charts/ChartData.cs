using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Core.Reporting.Charts;

/// <summary>
/// One line of a trend chart; a null value is a gap (no value, or a hidden one). A preliminary value is
/// drawn apart (a dashed segment to a hollow mark): its last month "dropping" is often only data not yet in.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string ColourHex, bool Emphasised,
    IReadOnlyList<bool> Preliminary)
{
    /// <summary>Whether the line into point i is drawn dashed: it ends in or starts from a preliminary value.</summary>
    public bool DashedInto(int i) => Preliminary[i] || (i > 0 && Preliminary[i - 1]);
}

/// <summary>
/// An indicator over time for some areas, with its target per period: what both the rendered charts
/// and the native Excel charts draw, so the two always agree.
/// </summary>
public sealed record TrendChartData(string Title, string Unit, IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series, IReadOnlyList<double?> Target)
{
    public const string TargetName = "Mål";

    public bool HasTarget => Target.Any(t => t is not null);

    /// <summary>
    /// The published values of an indicator for the areas over the periods. Only published numbers
    /// enter: a hidden value becomes a gap, and the line's name says that some are hidden, so a gap is
    /// not read as missing data.
    /// </summary>
    public static TrendChartData Build(ReportData data, IndicatorDefinition indicator, IReadOnlyList<string> areas,
        IReadOnlyList<(string Label, DateOnly Start)> periods)
    {
        var series = areas.Select(area =>
            {
                var values = periods.Select(p => data.Published(indicator, area, p.Label)).ToList();
                var name = Areas.Name(area) + (values.Any(v => v.IsHidden) ? " (dolda värden)" : "");
                return new ChartSeries(name, values.Select(v => (double?)v.Number).ToList(), ChartPalette.Area(area), area == Areas.Region,
                    periods.Select(p => data.IsPreliminary(indicator, area, p.Label)).ToList());
            })
            .ToList();
        var target = periods.Select(p => (double?)data.TargetAt(indicator, p.Start)?.Value).ToList();
        return new TrendChartData(indicator.Name, indicator.Unit, periods.Select(p => p.Label).ToList(), series, target);
    }
}

/// <summary>
/// One colour per area in every chart and table, so a municipality is recognised across the report;
/// the region is drawn dark and thick, the target red and dashed.
/// </summary>
public static class ChartPalette
{
    public const string Region = "1F2933";
    public const string Target = "C00000";
    /// <summary>The SPC signals in the colours of NHS "Making Data Count": blue better, orange worse, purple neither.</summary>
    public const string Improvement = "1F6FB4";
    public const string Concern = "E36C0A";
    public const string Neutral = "7B4FA0";
    public const string Centre = "2E7D32";
    public const string Limit = "7F7F7F";

    private static readonly Dictionary<string, string> Municipalities = new()
    {
        ["1315"] = "4E79A7",
        ["1380"] = "F28E2B",
        ["1381"] = "59A14F",
        ["1382"] = "B07AA1",
        ["1383"] = "76B7B2",
        ["1384"] = "9C755F",
    };

    public static string Of(SpcSignal signal) => signal switch
    {
        SpcSignal.Improvement => Improvement,
        SpcSignal.Concern => Concern,
        _ => Neutral,
    };

    public static string Area(string code) => Municipalities.GetValueOrDefault(code, Region);
}
