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
    /// SPC of one indicator and area over the months, or null where the series cannot carry it: fewer
    /// than <see cref="SpcMinimumPoints"/> final values the reader may see, or a count with hidden values.
    /// Hidden values are left out: the chart must not show them, and its centre and limits must not be
    /// computed from them either. For a count, though, the hidden values are exactly the small ones
    /// (1–4), so leaving them out would bend the median and the run rules; such a series gets no SPC at
    /// all. Preliminary values are drawn but not judged (<see cref="SpcAnalysis"/>).
    /// </summary>
    public SpcResult? Spc(IndicatorDefinition indicator, string area, IEnumerable<DateOnly> months)
    {
        var kind = SpcChartKinds.For(indicator);
        var series = months.Select(m => Periods.Label(m))
            .Select(label => (Stored: Stored(indicator, area, label), Shown: Published(indicator, area, label)))
            .Where(v => v.Stored is not null)
            .ToList();
        if (kind == SpcChartKind.Run && series.Any(v => v.Shown.IsHidden)) return null;
        var observations = series
            .Where(v => !v.Shown.IsHidden && (kind == SpcChartKind.Run || v.Stored!.Denominator > 0))
            .Select(v => v.Stored!)
            .Select(v => new SpcObservation(v.Period, (double)v.Value, (double)(v.Numerator ?? 0), (double)(v.Denominator ?? 0), v.Preliminary))
            .ToList();
        return observations.Count(o => !o.Preliminary) < SpcMinimumPoints ? null
            : SpcAnalysis.Analyse(kind, (double)indicator.Factor, observations);
    }

    /// <summary>
    /// The SPC signals of a month, as Sammanfattning and Översikt mark them: judged on the series of the
    /// <see cref="MonthlyReport.SpcMonths"/> months ending with it.
    /// </summary>
    public IReadOnlyList<string> SignalsAt(IndicatorDefinition indicator, string area, DateOnly month) =>
        SpcSignalText.At(Spc(indicator, area, Periods.MonthsEndingWith(month, MonthlyReport.SpcMonths)), Periods.Label(month));

    /// <summary>With fewer final points the centre line is too uncertain for its limits and run rules to mean much.</summary>
    public const int SpcMinimumPoints = 12;
}
