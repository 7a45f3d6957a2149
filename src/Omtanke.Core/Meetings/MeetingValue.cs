using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Meetings;

/// <summary>
/// One month value of an indicator and area as the meeting sees it: published (a hidden value carries
/// its symbol, never its number or numerator), with its status and verdicts. What a snapshot stores and
/// what a revision compares.
/// </summary>
public sealed record MeetingValue(string Indicator, string Area, DateOnly Month, PublishedValue Shown, decimal? Numerator,
    string? Status, string Target, string Signal)
{
    public string Period => Periods.Label(Month);

    /// <summary>The value as <c>values --published</c> writes it: the number, the symbol, or empty.</summary>
    public string Text => Shown.Symbol ?? ValuesCsv.Number(Shown.Number);

    public static MeetingValue Of(ReportData data, IndicatorDefinition indicator, string area, DateOnly month)
    {
        var label = Periods.Label(month);
        var shown = data.Published(indicator, area, label);
        var stored = data.Stored(indicator, area, label);
        return new MeetingValue(indicator.Id, area, month, shown, shown.Number is null ? null : stored?.Numerator,
            stored?.Status, MeetingVerdicts.Target(data, indicator, area, month), MeetingVerdicts.Signal(data, indicator, area, month));
    }

    /// <summary>Every indicator for the report's areas over the months: what an approval freezes.</summary>
    public static IEnumerable<MeetingValue> All(ReportData data, IReadOnlyList<DateOnly> months) =>
        from indicator in IndicatorCatalog.All
        from area in ReportAreas.AreaCodes
        from month in months
        select Of(data, indicator, area, month);
}
