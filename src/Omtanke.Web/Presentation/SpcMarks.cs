using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Web.Presentation;

/// <summary>
/// The marks that stand for the reports' SPC signals in a page's table cell, each a different shape, so
/// the legend tells them apart without colour and without hovering (which a phone cannot do).
/// </summary>
public static class SpcMarks
{
    public static IReadOnlyList<(string Signal, string Mark)> All { get; } =
    [
        (SpcSignalText.Above, "▲"),
        (SpcSignalText.Below, "▼"),
        (SpcSignalText.LongRun, "◆"),
        (SpcSignalText.FewCrossings, "≈"),
    ];

    public static string Of(string signal) => All.First(m => m.Signal == signal).Mark;
}
