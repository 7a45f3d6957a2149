using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// What a judged point's signal means: an improvement or a concern where the indicator has a better
/// direction, otherwise only on which side of the centre it lies.
/// </summary>
public enum SpcSignal { None, Improvement, Concern, Above, Below }

public static class SpcSignals
{
    /// <summary>The signal of a point on the given side of the centre (1 above, −1 below).</summary>
    public static SpcSignal OnSide(int side, Direction better) => (side, better) switch
    {
        (0, _) => SpcSignal.None,
        (_, Direction.None) => side > 0 ? SpcSignal.Above : SpcSignal.Below,
        _ => (side > 0) == (better == Direction.Higher) ? SpcSignal.Improvement : SpcSignal.Concern,
    };

    /// <summary>The <c>signal</c> column of the CLI's <c>spc</c> CSV.</summary>
    public static string Code(SpcSignal signal) => signal switch
    {
        SpcSignal.Improvement => "improvement",
        SpcSignal.Concern => "concern",
        SpcSignal.Above => "above",
        SpcSignal.Below => "below",
        _ => "none",
    };
}
