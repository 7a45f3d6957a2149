using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// p-chart for shares (binomial: events out of cases), u-chart for other rates and means per stay
/// (Poisson-like: events per unit of exposure), run chart for counts, which have no denominator to
/// derive limits from.
/// </summary>
public enum SpcChartKind { P, U, Run }

public static class SpcChartKinds
{
    public static SpcChartKind For(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Count ? SpcChartKind.Run
        : indicator.Factor == 100 ? SpcChartKind.P
        : SpcChartKind.U;

    public static string SwedishName(SpcChartKind kind) => kind switch
    {
        SpcChartKind.P => "p-diagram",
        SpcChartKind.U => "u-diagram",
        _ => "seriediagram",
    };
}
