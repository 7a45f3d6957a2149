using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Targets;

namespace Omtanke.Core.Reporting;

public enum TargetStatus { NoTarget, NoValue, Hidden, Met, NotMet }

/// <summary>
/// Everything a report reads about indicators: their computed values, the targets in force and the
/// disclosure limit. Nothing here computes an indicator; it only publishes what is stored.
/// <paramref name="rawValueAreas"/> are the areas whose values the reader may see unhidden (the web pages'
/// raw-data role); reports and extracts give none, so all they show is published.
/// </summary>
public sealed class ReportData(ValueTable values, IReadOnlyList<Target> targets, DisclosureSettings disclosure,
    IReadOnlySet<string>? rawValueAreas = null)
{
    public static async Task<ReportData> LoadAsync(NpgsqlDataSource db, DisclosureSettings disclosure,
        IEnumerable<ValuesFilter> filters, CancellationToken ct, IReadOnlySet<string>? rawValueAreas = null)
    {
        var values = await ValueTable.ReadAsync(db, filters, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        return new ReportData(values, await TargetStore.HistoryAsync(conn, ct), disclosure, rawValueAreas);
    }

    public DisclosureSettings Disclosure => disclosure;

    public IndicatorValue? Stored(IndicatorDefinition indicator, string area, string period) =>
        values.Find(indicator.Id, area, period);

    /// <summary>A value as this reader may see it: unhidden in a raw-value area, else as published.</summary>
    public PublishedValue Published(IndicatorDefinition indicator, string area, string period)
    {
        var stored = Stored(indicator, area, period);
        return stored is not null && rawValueAreas?.Contains(area) == true
            ? PublishedValue.Shown(stored.Value)
            : Reporting.Disclosure.Publish(indicator, stored, disclosure);
    }

    public bool IsPreliminary(IndicatorDefinition indicator, string area, string period) =>
        Stored(indicator, area, period)?.Preliminary == true;

    public Target? TargetAt(IndicatorDefinition indicator, DateOnly periodStart) =>
        TargetStore.InForce(targets, indicator.Id, periodStart);

    /// <summary>Whether a value meets its target; a hidden value's status is not published either.</summary>
    public TargetStatus Status(IndicatorDefinition indicator, string area, string period, DateOnly periodStart)
    {
        var target = TargetAt(indicator, periodStart);
        var value = Published(indicator, area, period);
        return target is null ? TargetStatus.NoTarget
            : value.IsMissing ? TargetStatus.NoValue
            : value.IsHidden ? TargetStatus.Hidden
            : target.IsMetBy(value.Number!.Value) ? TargetStatus.Met
            : TargetStatus.NotMet;
    }

    /// <summary>
    /// The control-chart analysis of one indicator and area over the months that have a value
    /// (INDICATORS.md, Control charts). A value the reader may not see is passed without its number, so
    /// the chart cannot draw it nor the centre, limits or run rules be computed from it; it is a month
    /// of the series all the same, drawn as hidden and not judged.
    /// </summary>
    public SpcResult Spc(IndicatorDefinition indicator, string area, IEnumerable<DateOnly> months)
    {
        var observations = months.Select(m => Periods.Label(m))
            .Select(label => (Stored: Stored(indicator, area, label), Shown: Published(indicator, area, label)))
            .Where(v => v.Stored is not null)
            .Select(v => v.Shown.IsHidden
                ? new SpcObservation(v.Stored!.Period, null, Preliminary: v.Stored.Preliminary)
                : new SpcObservation(v.Stored!.Period, (double)v.Stored.Value, (double)(v.Stored.Numerator ?? 0),
                    (double)(v.Stored.Denominator ?? 0), v.Stored.Preliminary))
            .ToList();
        return SpcAnalysis.Analyse(SpcChartKinds.For(indicator), (double)indicator.Factor, indicator.Better, observations);
    }

    /// <summary>
    /// How a month is judged, as Sammanfattning and Översikt mark it: on the series of the
    /// <see cref="MonthlyReport.SpcMonths"/> months ending with it; null where the month has no value.
    /// </summary>
    public SpcVerdict? SignalsAt(IndicatorDefinition indicator, string area, DateOnly month) =>
        SpcSignalText.At(Spc(indicator, area, Periods.MonthsEndingWith(month, MonthlyReport.SpcMonths)), Periods.Label(month));
}
