using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting;

/// <summary>
/// Whether a change between two values may be shown as an improvement or a worsening. Not when either
/// value is preliminary: a readmission rate whose window is still open "drops" only because its
/// readmissions are not yet seen, and colouring that green tells the meeting something false. Every
/// output that colours changes asks here.
/// </summary>
public static class ChangeDirection
{
    /// <summary>True for better, false for worse, null for neither (no direction, no change, hidden, or preliminary).</summary>
    public static bool? Of(IndicatorDefinition indicator, PublishedValue change, bool eitherPreliminary) =>
        eitherPreliminary ? null : change.IsImprovementFor(indicator);
}
