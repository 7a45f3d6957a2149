using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Import;

/// <summary>
/// Loads parsed rows into a source's fact table with binary COPY. Every fact table starts with the same
/// columns — the delivery, the row's line in the file, its reference month and area, whether it is
/// current — followed by the source's own columns as declared.
/// </summary>
public static class FactCopy
{
    public static string Command(SourceDefinition source, FactTarget target) =>
        $"COPY {target.Table} (delivery_id, line_no, ref_month, area, {string.Join(", ", source.Columns.Select(c => c.DbName))}) " +
        "FROM STDIN (FORMAT BINARY)";

    public static void Write(BinaryCopyWriter copy, SourceDefinition source, long deliveryId, int line,
        RowValues values, DateOnly month, string area, ImportContext context)
    {
        copy.StartRow(4 + source.Columns.Count);
        copy.WriteInt64(deliveryId);
        copy.WriteInt32(line);
        copy.WriteDate(month);
        copy.WriteText(area);
        for (var i = 0; i < source.Columns.Count; i++)
        {
            if (values[i] is { } value) source.Columns[i].Type.Write(copy, value, context);
            else copy.WriteNull();
        }
    }

    /// <summary>
    /// Rows of the delivery that repeat a key that must be unique within the file, found in SQL after the load so
    /// that memory does not grow with the file. When every candidate line was listed, the delivery's rows are read once
    /// for the candidates' keys: the rows joined to the candidate lines among themselves, planned without statistics of
    /// a delivery not yet analyzed, took the better part of a minute on a large database, where other row errors take
    /// well under a second.
    /// Read from <paramref name="target"/> before it is attached, so a refused file's rows are never in the fact table.
    /// </summary>
    public static async Task<(List<ImportError> Errors, int Count)> DuplicatesAsync(NpgsqlConnection conn,
        SourceDefinition source, FactTarget target, long deliveryId, DuplicateCandidates candidates, int maxReported,
        CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var count = 0;
        if (candidates.Complete && candidates.Lines.Count == 0) return (errors, count);
        for (var k = 0; k < source.UniqueKeys.Count; k++)
        {
            var key = source.UniqueKeys[k];
            var columns = string.Join(", ", key);
            var onlyCandidates = candidates.Complete
                ? $"AND ({columns}) IN (SELECT * FROM unnest({string.Join(", ", key.Select((_, c) => $"${c + 2}"))}))"
                : "";
            var sql = $"""
                SELECT concat_ws(', ', {string.Join(", ", key.Select(c => c + "::text"))}), array_agg(line_no ORDER BY line_no)
                FROM {target.Table} WHERE delivery_id = $1 {onlyCandidates}
                GROUP BY {columns} HAVING count(*) > 1 ORDER BY min(line_no)
                """;
            await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = deliveryId } } };
            if (candidates.Complete)
                foreach (var values in candidates.Keys[k]) cmd.Parameters.Add(new() { Value = TypedArray(values) });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var shown = reader.GetString(0);
                var lines = reader.GetFieldValue<int[]>(1);
                count += lines.Length - 1;
                foreach (var line in lines.Skip(1))
                {
                    if (errors.Count >= maxReported) break;
                    errors.Add(new ImportError(line, columns, shown,
                        $"Dubblett av rad {lines[0]}: {columns} ska vara unikt i filen."));
                }
            }
        }
        return (errors, count);
    }

    /// <summary>A column's values as an array of their own type (string[], DateOnly[], int[]), which Npgsql sends as that type's array.</summary>
    private static Array TypedArray(List<object> values)
    {
        var array = Array.CreateInstance(values[0].GetType(), values.Count);
        for (var i = 0; i < values.Count; i++) array.SetValue(values[i], i);
        return array;
    }
}

/// <summary>What a delivery covered, and how many earlier slices it replaced.</summary>
public sealed record SliceChange(int Covered, int Superseded, DateOnly FirstMonth, DateOnly LastMonth);

public static class Slices
{
    /// <summary>
    /// Records the delivery's (month, kommunkod) slices and retires, for exactly those slices, the rows of
    /// whatever earlier delivery held them. Other slices are left alone.
    /// </summary>
    public static async Task<SliceChange> SupersedeAsync(NpgsqlConnection conn, SourceDefinition source, long deliveryId,
        IReadOnlyDictionary<(DateOnly Month, string Area), int> counted, CancellationToken ct)
    {
        SliceChange change;
        var leaves = new List<string>();
        await using (var cmd = new NpgsqlCommand($"""
            CREATE TEMP TABLE new_slices ON COMMIT DROP AS
                SELECT * FROM unnest(@months::date[], @areas::text[], @rows::int[]) AS s(month, kommunkod, row_count);

            UPDATE delivery_slices s SET superseded_by = @delivery
            FROM new_slices n
            WHERE s.source = @source AND s.superseded_by IS NULL AND s.month = n.month AND s.kommunkod = n.kommunkod;

            {RetiredRows(source.FactTable)}

            INSERT INTO delivery_slices (delivery_id, source, month, kommunkod, row_count)
                SELECT @delivery, @source, month, kommunkod, row_count FROM new_slices;

            SELECT (SELECT count(*)::int FROM new_slices),
                   (SELECT count(*)::int FROM delivery_slices WHERE superseded_by = @delivery),
                   (SELECT min(month) FROM new_slices),
                   (SELECT max(month) FROM new_slices);
            SELECT leaf FROM retired_rows;
            DROP TABLE new_slices;
            """, conn)
        {
            Parameters =
            {
                new("delivery", deliveryId), new("source", source.Id),
                new("months", counted.Keys.Select(k => k.Month).ToArray()),
                new("areas", counted.Keys.Select(k => k.Area).ToArray()),
                new("rows", counted.Values.ToArray()),
            },
        })
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            change = new SliceChange(reader.GetInt32(0), reader.GetInt32(1),
                reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3));
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) leaves.Add(reader.GetString(0));
        }
        foreach (var leaf in leaves)
        {
            await Sql.ExecAsync(conn,
                $"UPDATE {leaf} SET current = false WHERE ctid = ANY ((SELECT tids FROM retired_rows WHERE leaf = $1)::tid[])", ct, leaf);
            await Sql.ExecAsync(conn, SummarizeNewRanges, ct, leaf);
        }
        await Sql.ExecAsync(conn, "DROP TABLE retired_rows", ct);
        return change;
    }

    /// <summary>
    /// The current rows of the slices the delivery supersedes, their tuple ids by table, found in one read-only pass
    /// and then updated by id. Found and updated in one statement, each slice's rows were looked up through the BRIN while
    /// the same statement appended the new versions of the slices before it to the table's end, a range the BRIN has
    /// not summarized and so hands to every later lookup: quadratic in the slices, 432 s for a re-delivery of all 24
    /// months of the national läkarbesök.
    /// </summary>
    private static string RetiredRows(string fact) => $"""
        CREATE TEMP TABLE retired_rows ON COMMIT DROP AS
            SELECT f.tableoid::regclass::text AS leaf, array_agg(f.ctid) AS tids FROM {SupersededRows(fact, "f")}
            WHERE f.current GROUP BY f.tableoid;
        """;

    /// <summary>
    /// A FROM item of the rows, in <paramref name="fact"/> as <paramref name="alias"/>, of the slices that the delivery
    /// <c>@delivery</c> supersedes. A month's areas are looked up at once: the BRIN on (delivery, month) tells months
    /// apart, not areas, so each area's lookup read the whole month again (a month's 8 slices 0.32–0.39 against 0.70 s).
    /// </summary>
    public static string SupersededRows(string fact, string alias) => $"""
        (SELECT delivery_id, month, array_agg(kommunkod) AS areas FROM delivery_slices
         WHERE superseded_by = @delivery GROUP BY delivery_id, month) AS superseded
        JOIN {fact} {alias} ON {alias}.delivery_id = superseded.delivery_id AND {alias}.ref_month = superseded.month
                           AND {alias}.area = ANY (superseded.areas)
        """;

    /// <summary>
    /// Summarizes the block ranges of a table's BRIN indexes that its retired rows' new versions filled, so that the
    /// refresh's lookups of slices that follow skip them instead of reading them all for each slice.
    /// </summary>
    private const string SummarizeNewRanges = """
        SELECT brin_summarize_new_values(i.indexrelid)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
        WHERE i.indrelid = $1::regclass AND a.amname = 'brin'
        """;
}
