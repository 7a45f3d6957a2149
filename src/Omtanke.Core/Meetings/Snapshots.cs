using System.Data;
using Npgsql;
using NpgsqlTypes;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Meetings;

/// <summary>
/// Approval (fastställande) of a month after the meeting: freezes the as-presented snapshot, every
/// published month value of M−12 … M with its status and verdicts, and the monthly workbook as rendered.
/// A snapshot is never changed; approving again makes a new one, and the latest of a month is the one
/// that counts.
/// </summary>
/// <summary>Which approval a snapshot is: its month, who approved it and when.</summary>
public sealed record SnapshotInfo(long Id, DateOnly Month, string ApprovedBy, DateTimeOffset ApprovedAt);

public static class Snapshots
{
    /// <summary>Every approval, newest first.</summary>
    public static async Task<List<SnapshotInfo>> ListAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, "SELECT id, month, approved_by, approved_at FROM meeting_snapshots ORDER BY id DESC");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SnapshotInfo>();
        while (await r.ReadAsync(ct))
            list.Add(new SnapshotInfo(r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        return list;
    }

    /// <summary>The latest approval of the latest month before the given one: the previous meeting, as a report sees it.</summary>
    public static async Task<SnapshotInfo?> PreviousMeetingAsync(NpgsqlDataSource db, DateOnly month, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn,
            "SELECT id, month, approved_by, approved_at FROM meeting_snapshots WHERE month < $1 ORDER BY month DESC, id DESC LIMIT 1", month);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new SnapshotInfo(r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    public static async Task<long> ApproveAsync(ReportContext context, DateOnly month, CancellationToken ct = default)
    {
        var db = context.Db;
        // Taken first: a delivery imported while the snapshot is made counts as after it, so it can only
        // show up as a revision, never be missed as one.
        long lastDelivery;
        await using (var conn = await db.OpenConnectionAsync(ct))
            lastDelivery = (long)(await Sql.ScalarAsync(conn, "SELECT coalesce(max(id), 0) FROM deliveries", ct))!;
        var (fileName, workbook) = await RenderAsync(context, month, ct);
        var months = Periods.MonthsEndingWith(month, MonthlyReport.DisplayMonths);
        var data = await ReportData.LoadAsync(db, context.Disclosure,
            [new ValuesFilter(months[0].AddMonths(1 - MonthlyReport.SpcMonths), month)], ct);
        var values = MeetingValue.All(data, months).ToList();

        await using var write = await db.OpenConnectionAsync(ct);
        await using var tx = await write.BeginTransactionAsync(ct);
        var id = (long)(await Sql.ScalarAsync(write, """
            INSERT INTO meeting_snapshots (month, approved_by, last_delivery_id, workbook_file_name, workbook)
            VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, ct, month, context.Actor, lastDelivery, fileName, workbook))!;
        await InsertValuesAsync(write, id, values, ct);
        await Audit.WriteAsync(write, context.Actor, "fastställ", Periods.Label(month),
            new { snapshot = id, värden = values.Count, fil = fileName, senasteLeverans = lastDelivery }, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The workbook frozen by the month's latest approval, written into the folder; null when the month was never approved.</summary>
    public static async Task<string?> WriteWorkbookAsync(NpgsqlDataSource db, DateOnly month, string outDir, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn,
            "SELECT workbook_file_name, workbook FROM meeting_snapshots WHERE month = $1 ORDER BY id DESC LIMIT 1", month);
        await using var r = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await r.ReadAsync(ct)) return null;
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, Path.GetFileName(r.GetString(0)));
        await using (var file = File.Create(path))
        await using (var content = await r.GetStreamAsync(1, ct))
            await content.CopyToAsync(file, ct);
        return path;
    }

    /// <summary>The month's report rendered as the monthly report command renders it, read back whole (a few hundred kB).</summary>
    private static async Task<(string FileName, byte[] Content)> RenderAsync(ReportContext context, DateOnly month, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("omtanke-faststall-");
        try
        {
            var report = await MonthlyReport.WriteAsync(context, month, dir.FullName, ct);
            return (Path.GetFileName(report.Workbook), await File.ReadAllBytesAsync(report.Workbook, ct));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The values in one statement, then the deliveries behind each in another: for every value, the current
    /// slices of its indicator's source for its month and area (every municipality's, for the region).
    /// </summary>
    private static async Task InsertValuesAsync(NpgsqlConnection conn, long id, IReadOnlyList<MeetingValue> values, CancellationToken ct)
    {
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO meeting_snapshot_values (snapshot_id, indicator_id, area, period, period_start, numerator, value, symbol,
                                                 status, target, signal)
            SELECT @id, v.* FROM unnest(@indicators, @areas, @periods, @starts, @numerators, @values, @symbols, @statuses,
                                        @targets, @signals) AS v
            """, conn))
        {
            insert.Parameters.Add(new("id", id));
            insert.Parameters.Add(new("indicators", values.Select(v => v.Indicator).ToArray()));
            insert.Parameters.Add(new("areas", values.Select(v => v.Area).ToArray()));
            insert.Parameters.Add(new("periods", values.Select(v => v.Period).ToArray()));
            insert.Parameters.Add(new("starts", values.Select(v => v.Month).ToArray()));
            insert.Parameters.Add(new("numerators", values.Select(v => v.Numerator).ToArray()));
            insert.Parameters.Add(new("values", values.Select(v => v.Shown.Number).ToArray()));
            insert.Parameters.Add(new("symbols", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(v => v.Shown.Symbol).ToArray() });
            insert.Parameters.Add(new("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(v => v.Status).ToArray() });
            insert.Parameters.Add(new("targets", values.Select(v => v.Target).ToArray()));
            insert.Parameters.Add(new("signals", values.Select(v => v.Signal).ToArray()));
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var deliveries = new NpgsqlCommand($"""
            UPDATE meeting_snapshot_values v SET delivery_ids = d.ids
            FROM (SELECT v.indicator_id, v.area, v.period, array_agg(DISTINCT s.delivery_id ORDER BY s.delivery_id) AS ids
                  FROM meeting_snapshot_values v
                  JOIN unnest(@catalog_indicators, @catalog_sources) AS c(indicator_id, source) USING (indicator_id)
                  JOIN delivery_slices s ON s.source = c.source AND s.month = v.period_start AND s.superseded_by IS NULL
                   AND (s.kommunkod = v.area OR (v.area = @region AND s.kommunkod = ANY({Areas.SqlArray})))
                  WHERE v.snapshot_id = @id
                  GROUP BY 1, 2, 3) d
            WHERE v.snapshot_id = @id AND (v.indicator_id, v.area, v.period) = (d.indicator_id, d.area, d.period)
            """, conn)
        {
            Parameters =
            {
                new("id", id), new("region", Areas.Region),
                new("catalog_indicators", IndicatorCatalog.All.Select(i => i.Id).ToArray()),
                new("catalog_sources", IndicatorCatalog.All.Select(i => i.SourceId).ToArray()),
            },
        };
        await deliveries.ExecuteNonQueryAsync(ct);
    }
}
