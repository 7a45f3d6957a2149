using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// p-chart for shares (binomial: events out of cases), u-chart for other rates and means per stay
/// (Poisson-like: events per unit of exposure), run chart for counts, which have no denominator to
/// derive limits from. The primed charts are Laney's: the same centre, limits widened by σz where the
/// months vary more than the binomial or Poisson model allows (INDICATORS.md, Control charts).
/// </summary>
public enum SpcChartKind { Run, P, PPrime, U, UPrime }

public static class SpcChartKinds
{
    /// <summary>The chart an indicator gets before Laney's correction is weighed.</summary>
    public static SpcChartKind For(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Count ? SpcChartKind.Run
        : indicator.Factor == 100 ? SpcChartKind.P
        : SpcChartKind.U;

    public static bool IsProportion(SpcChartKind kind) => kind is SpcChartKind.P or SpcChartKind.PPrime;

    public static SpcChartKind Primed(SpcChartKind kind) => kind switch
    {
        SpcChartKind.P => SpcChartKind.PPrime,
        SpcChartKind.U => SpcChartKind.UPrime,
        _ => kind,
    };

    /// <summary>The <c>chart</c> column of the CLI's <c>spc</c> CSV.</summary>
    public static string Code(SpcChartKind kind) => kind switch
    {
        SpcChartKind.P => "p",
        SpcChartKind.PPrime => "p'",
        SpcChartKind.U => "u",
        SpcChartKind.UPrime => "u'",
        _ => "run",
    };

    public static string SwedishName(SpcChartKind kind) => kind switch
    {
        SpcChartKind.P => "p-diagram",
        SpcChartKind.PPrime => "p′-diagram (Laney)",
        SpcChartKind.U => "u-diagram",
        SpcChartKind.UPrime => "u′-diagram (Laney)",
        _ => "seriediagram",
    };

    /// <summary>Why an indicator gets its chart, for Definitioner: the choice a reader must be able to check.</summary>
    public static string SwedishReason(IndicatorDefinition indicator) => For(indicator) switch
    {
        SpcChartKind.P => "p-diagram: andel av fall (binomialfördelning). Varierar månaderna mer än modellen tillåter " +
                          "(σz > 1, vanligt med stora nämnare) blir det Laneys p′-diagram med gränserna vidgade med σz.",
        SpcChartKind.U => "u-diagram: antal per enhet (Poissonfördelning). Varierar månaderna mer än modellen tillåter " +
                          "(σz > 1, vanligt med stora nämnare) blir det Laneys u′-diagram med gränserna vidgade med σz.",
        _ => "Seriediagram: ett antal utan nämnare har ingen modell för styrgränser; mittlinjen är medianen och bara " +
             "serieregler (lång serie, få korsningar) bedöms.",
    };
}
