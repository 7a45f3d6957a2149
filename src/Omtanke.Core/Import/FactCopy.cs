using Npgsql;

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
    /// that memory does not grow with the file: only among the keys of the candidate lines when they were all listed.
    /// </summary>
    public static async Task<(List<ImportError> Errors, int Count)> DuplicatesAsync(NpgsqlConnection conn,
        SourceDefinition source, long deliveryId, DuplicateCandidates candidates, int maxReported, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var count = 0;
        if (candidates.Complete && candidates.Lines.Count == 0) return (errors, count);
        foreach (var key in source.UniqueKeys)
        {
            var columns = string.Join(", ", key);
            var onlyCandidates = candidates.Complete
                ? $"AND ({columns}) IN (SELECT {columns} FROM {source.FactTable} WHERE delivery_id = $1 AND line_no = ANY($2))"
                : "";
            var sql = $"""
                SELECT concat_ws(', ', {string.Join(", ", key.Select(k => k + "::text"))}), array_agg(line_no ORDER BY line_no)
                FROM {source.FactTable} WHERE delivery_id = $1 {onlyCandidates}
                GROUP BY {columns} HAVING count(*) > 1 ORDER BY min(line_no)
                """;
            await using var cmd = new NpgsqlCommand(sql, conn)
            {
                Parameters = { new() { Value = deliveryId }, new() { Value = candidates.Lines.ToArray() } },
            };
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
        var fact = source.FactTable;
        await using var cmd = new NpgsqlCommand($"""
            CREATE TEMP TABLE new_slices ON COMMIT DROP AS
                SELECT * FROM unnest(@months::date[], @areas::text[], @rows::int[]) AS s(month, kommunkod, row_count);

            UPDATE delivery_slices s SET superseded_by = @delivery
            FROM new_slices n
            WHERE s.source = @source AND s.superseded_by IS NULL AND s.month = n.month AND s.kommunkod = n.kommunkod;

            UPDATE {fact} f SET current = false
            FROM delivery_slices s
            WHERE s.superseded_by = @delivery AND f.current
              AND f.delivery_id = s.delivery_id AND f.ref_month = s.month AND f.area = s.kommunkod;

            INSERT INTO delivery_slices (delivery_id, source, month, kommunkod, row_count)
                SELECT @delivery, @source, month, kommunkod, row_count FROM new_slices;

            SELECT (SELECT count(*)::int FROM new_slices),
                   (SELECT count(*)::int FROM delivery_slices WHERE superseded_by = @delivery),
                   (SELECT min(month) FROM new_slices),
                   (SELECT max(month) FROM new_slices);
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
        };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new SliceChange(reader.GetInt32(0), reader.GetInt32(1),
            reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3));
    }
}
