using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;

namespace Omtanke.Core.Meetings;

/// <summary>
/// The one place a meeting's snapshot and its revisions take a value's target and signal verdicts from,
/// as short codes that are stored and compared: were the verdicts to come from another analysis, only
/// this class changes, and old snapshots keep the codes they were shown with.
/// </summary>
public static class MeetingVerdicts
{
    public const string NotJudged = "not_judged";
    public const string NoSignal = "none";

    /// <summary><c>met</c>, <c>not_met</c>, <c>hidden</c>, <c>no_value</c> or <c>no_target</c>.</summary>
    public static string Target(ReportData data, IndicatorDefinition indicator, string area, DateOnly month) =>
        data.Status(indicator, area, Periods.Label(month), month) switch
        {
            TargetStatus.Met => "met",
            TargetStatus.NotMet => "not_met",
            TargetStatus.Hidden => "hidden",
            TargetStatus.NoValue => "no_value",
            _ => "no_target",
        };

    /// <summary>
    /// <c>improvement</c> or <c>concern</c> for a point outside its limits or in a long run on the
    /// indicator's better or worse side (<c>above</c>/<c>below</c> for an indicator without a direction),
    /// <c>none</c> for a judged point without a signal, <c>not_judged</c> otherwise (no SPC, preliminary).
    /// </summary>
    public static string Signal(ReportData data, IndicatorDefinition indicator, string area, DateOnly month)
    {
        var result = data.Spc(indicator, area, Periods.MonthsEndingWith(month, MonthlyReport.SpcMonths));
        if (result?.Point(Periods.Label(month)) is not { Preliminary: false } point) return NotJudged;
        if (!point.IsSignal) return NoSignal;
        var above = point.AboveUpper || (!point.BelowLower && point.Value > result.Centre);
        return indicator.Better switch
        {
            Direction.None => above ? "above" : "below",
            Direction.Higher => above ? "improvement" : "concern",
            _ => above ? "concern" : "improvement",
        };
    }

    /// <summary>The Swedish words for a code, as workbooks and pages show it.</summary>
    public static string Swedish(string code) => code switch
    {
        "met" => "Uppfyllt",
        "not_met" => "Ej uppfyllt",
        "hidden" => "Dolt",
        "no_value" => "Inget värde",
        "no_target" => "Inget mål",
        "improvement" => "Förbättring",
        "concern" => "Försämring",
        "above" => "Över",
        "below" => "Under",
        NoSignal => "Ingen signal",
        _ => "Bedöms inte",
    };
}
