using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Meetings;

/// <summary>
/// The revisions: every value that differs now from the latest snapshot that showed it (or from one
/// month's latest snapshot), computed on read from the snapshots and the values as they are, so they
/// follow every re-import and recompute.
/// </summary>
public static class Revisions
{
    private sealed record Presented(long SnapshotId, long LastDeliveryId, MeetingValue Value);

    private sealed record DeliveredSlice(long DeliveryId, string FileName, string Source, DateOnly Month, string Kommunkod);

    public static async Task<List<Revision>> ReadAsync(NpgsqlDataSource db, DisclosureSettings disclosure, MeetingSettings settings,
        DateOnly? month, CancellationToken ct = default)
    {
        var presented = await PresentedAsync(db, month, ct);
        if (presented.Count == 0) return [];
        var (first, last) = (presented.Min(p => p.Value.Month), presented.Max(p => p.Value.Month));
        var data = await ReportData.LoadAsync(db, disclosure,
            [new ValuesFilter(first.AddMonths(1 - MonthlyReport.SpcMonths), last)], ct);
        var slices = await SlicesAfterAsync(db, presented.Min(p => p.LastDeliveryId), ct);
        var revisions = new List<Revision>();
        foreach (var p in presented)
        {
            if (IndicatorCatalog.Find(p.Value.Indicator) is not { } indicator) continue;
            var current = MeetingValue.Of(data, indicator, p.Value.Area, p.Value.Month);
            if (!Revision.Differs(p.Value, current)) continue;
            revisions.Add(new Revision(p.Value, current, p.SnapshotId, Causes(slices, p, indicator),
                Revision.IsMaterial(p.Value, current, settings)));
        }
        return revisions;
    }

    /// <summary>
    /// The files of the deliveries after the snapshot whose slices can move the value: the indicator's source,
    /// the value's area (any municipality for the region), and a month whose delivery the engine recomputes
    /// the value's month for (its look-back and look-ahead).
    /// </summary>
    private static List<string> Causes(IReadOnlyList<DeliveredSlice> slices, Presented p, IndicatorDefinition indicator) =>
        slices.Where(s => s.DeliveryId > p.LastDeliveryId && s.Source == indicator.SourceId
                          && (s.Kommunkod == p.Value.Area || (p.Value.Area == Areas.Region && Areas.IsMunicipality(s.Kommunkod)))
                          && s.Month.AddMonths(-indicator.LookBackMonths) <= p.Value.Month
                          && p.Value.Month <= s.Month.AddMonths(indicator.LookAheadMonths))
            .OrderBy(s => s.DeliveryId)
            .Select(s => s.FileName)
            .Distinct()
            .ToList();

    /// <summary>Per value, the latest snapshot that showed it (or the month's latest snapshot), in <c>values</c> order.</summary>
    private static async Task<List<Presented>> PresentedAsync(NpgsqlDataSource db, DateOnly? month, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT DISTINCT ON (v.indicator_id COLLATE "C", v.area COLLATE "C", v.period COLLATE "C")
                   v.snapshot_id, s.last_delivery_id, v.indicator_id, v.area, v.period_start,
                   v.numerator, v.value, v.symbol, v.status, v.target, v.signal
            FROM meeting_snapshot_values v JOIN meeting_snapshots s ON s.id = v.snapshot_id
            WHERE @month::date IS NULL OR v.snapshot_id = (SELECT max(id) FROM meeting_snapshots WHERE month = @month)
            ORDER BY v.indicator_id COLLATE "C", v.area COLLATE "C", v.period COLLATE "C", v.snapshot_id DESC
            """, conn)
        {
            Parameters = { new("month", NpgsqlTypes.NpgsqlDbType.Date) { Value = (object?)month ?? DBNull.Value } },
        };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Presented>();
        while (await r.ReadAsync(ct))
        {
            var shown = !r.IsDBNull(6) ? PublishedValue.Shown(r.GetDecimal(6))
                : !r.IsDBNull(7) ? PublishedValue.Hidden(r.GetString(7))
                : PublishedValue.Missing;
            list.Add(new Presented(r.GetInt64(0), r.GetInt64(1), new MeetingValue(r.GetString(2), r.GetString(3),
                r.GetFieldValue<DateOnly>(4), shown, r.IsDBNull(5) ? null : r.GetDecimal(5), r.IsDBNull(8) ? null : r.GetString(8),
                r.GetString(9), r.GetString(10))));
        }
        return list;
    }

    /// <summary>The slices of every accepted delivery after the given one, superseded since or not.</summary>
    private static async Task<List<DeliveredSlice>> SlicesAfterAsync(NpgsqlDataSource db, long afterDelivery, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Storage.Sql.Command(conn, """
            SELECT d.id, d.file_name, s.source, s.month, s.kommunkod
            FROM deliveries d JOIN delivery_slices s ON s.delivery_id = d.id
            WHERE d.status = 'accepted' AND d.id > $1
            """, afterDelivery);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DeliveredSlice>();
        while (await r.ReadAsync(ct))
            list.Add(new DeliveredSlice(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetString(4)));
        return list;
    }
}
