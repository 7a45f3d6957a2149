using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Core.Reporting;

/// <summary>One area's row of a quarterly table: the five quarters, the changes, the target status and the quarter's signals.</summary>
public sealed record QuarterRow(string Area, IReadOnlyList<PublishedValue> Values, IReadOnlyList<bool> Preliminary,
    PublishedValue ChangeFromPrevious, PublishedValue ChangeFromYearBefore, TargetStatus Status, SpcVerdict? Spc)
{
    public string SignalText => Spc is { Tone: not SpcTone.None } spc ? spc.Text : "";

    /// <summary>Whether the change from the quarter before compares a preliminary value (so it is not judged).</summary>
    public bool ChangeFromPreviousPreliminary => Preliminary[^1] || Preliminary[^2];

    public bool ChangeFromYearBeforePreliminary => Preliminary[^1] || Preliminary[0];
}

public sealed record QuarterBlock(IndicatorDefinition Indicator, string Target, IReadOnlyList<QuarterRow> Rows, TrendChartData Chart);

public sealed record QuarterSection(ReportArea Area, IReadOnlyList<QuarterBlock> Blocks);

/// <summary>
/// The quarterly follow-up for RUG, built once from the stored values and written both as a workbook
/// and as an HTML page: per area and indicator, the quarter beside the four before it (the first of
/// which is the same quarter a year earlier), per municipality and the region.
/// </summary>
public sealed record QuarterlyModel(Quarter Quarter, IReadOnlyList<Quarter> Quarters, IReadOnlyList<QuarterSection> Sections,
    DisclosureSettings Disclosure)
{
    public const int QuartersShown = 5;

    public static QuarterlyModel Build(ReportData data, Quarter quarter, IReadOnlyList<ReportSection> sections)
    {
        var quarters = Enumerable.Range(0, QuartersShown).Select(i => quarter.Minus(QuartersShown - 1 - i)).ToList();
        var spcMonths = Periods.MonthsEndingWith(quarter.LastMonth, MonthlyReport.SpcMonths);
        var quarterMonths = Periods.MonthsEndingWith(quarter.LastMonth, 3);
        var periods = quarters.Select(q => (q.Label, q.FirstMonth)).ToList();

        QuarterRow Row(IndicatorDefinition indicator, string area)
        {
            var values = quarters.Select(q => data.Published(indicator, area, q.Label)).ToList();
            return new QuarterRow(area, values,
                quarters.Select(q => data.IsPreliminary(indicator, area, q.Label)).ToList(),
                values[^1].ChangeFrom(values[^2], NumberFormats.Decimals(indicator)),
                values[^1].ChangeFrom(values[0], NumberFormats.Decimals(indicator)),
                data.Status(indicator, area, quarter.Label, quarter.FirstMonth),
                SpcSignalText.During(data.Spc(indicator, area, spcMonths), quarterMonths));
        }

        var built = sections.Select(s => new QuarterSection(s.Area, s.Indicators.Select(indicator => new QuarterBlock(indicator,
                IndicatorTexts.Target(data.TargetAt(indicator, quarter.FirstMonth)),
                ReportAreas.AreaCodes.Select(area => Row(indicator, area)).ToList(),
                TrendChartData.Build(data, indicator, ReportAreas.AreaCodes, periods))).ToList()))
            .ToList();
        return new QuarterlyModel(quarter, quarters, built, data.Disclosure);
    }
}
