using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Web.Presentation;

/// <summary>
/// The marks that stand for how a month is judged in a page's table cell, each a different shape, so the
/// legend tells them apart without colour and without hovering (which a phone cannot do); the colour
/// (class) says improvement, concern or neither, as the charts do.
/// </summary>
public static class SpcMarks
{
    public sealed record Mark(string Meaning, string Symbol, string CssClass);

    private static readonly Mark Improvement = new(SpcSignalText.Improvement, "✚", "spc spc-battre");
    private static readonly Mark Concern = new(SpcSignalText.Concern, "✖", "spc spc-samre");
    private static readonly Mark Above = new(SpcSignalText.Above, "▲", "spc");
    private static readonly Mark Below = new(SpcSignalText.Below, "▼", "spc");
    private static readonly Mark FewCrossings = new(SpcSignalText.FewCrossings, "≈", "spc");
    private static readonly Mark NotJudged = new(SpcSignalText.NotJudged, "○", "spc spc-ej");

    public static IReadOnlyList<Mark> All { get; } = [Improvement, Concern, Above, Below, FewCrossings, NotJudged];

    /// <summary>The marks of a month's verdict; none where it is judged without a signal, or has no value.</summary>
    public static IReadOnlyList<Mark> Of(SpcVerdict? verdict) => verdict switch
    {
        null => [],
        { Judged: false } => [NotJudged],
        _ => [.. Signal(verdict.Signal), .. verdict.Reasons.Contains(SpcSignalText.FewCrossings) ? [FewCrossings] : Array.Empty<Mark>()],
    };

    private static IEnumerable<Mark> Signal(SpcSignal signal) => signal switch
    {
        SpcSignal.Improvement => [Improvement],
        SpcSignal.Concern => [Concern],
        SpcSignal.Above => [Above],
        SpcSignal.Below => [Below],
        _ => [],
    };
}
