using System.Text.Json;
using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Deliveries;

public sealed record Delivery(long Id, string Source, string FileName, string Status, string Format, long SizeBytes,
    int? Rows, int? OutOfCounty, int SlicesSuperseded, int ErrorCount, string ImportedBy, string ImportedVia,
    DateTimeOffset ImportedAt, bool Current)
{
    public string StatusText => Status == "accepted" ? (Current ? "importerad" : "ersatt") : "avvisad";

    /// <summary>
    /// The delivery as the viewer may see it: a file's row counts are counts of persons of every municipality it holds
    /// (disclosure control, relation 5), so only the region's people and whoever delivered it read them.
    /// </summary>
    public Delivery For(Viewer viewer) =>
        viewer.SeesAllData || viewer.Name == ImportedBy ? this : this with { Rows = null, OutOfCounty = null };
}

public sealed record DeliveryDetail(Delivery Delivery, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> Warnings,
    IReadOnlyList<DeliverySlice> Slices)
{
    /// <summary>The error report was left out: it quotes cells of the file, which only some may read.</summary>
    public bool ErrorsWithheld { get; private init; }

    /// <summary>
    /// The delivery as the viewer may see it: the region's people and whoever delivered the file read its error
    /// report; a municipality sees another party's rejected file with its error count only.
    /// </summary>
    public DeliveryDetail For(Viewer viewer)
    {
        var shown = this with
        {
            Delivery = Delivery.For(viewer),
            Slices = [.. Slices.Select(s => viewer.SeesRawValuesOf(s.Kommunkod) ? s : s with { Rows = null })],
        };
        return Errors.Count == 0 || viewer.SeesAllData || viewer.Name == Delivery.ImportedBy
            ? shown
            : shown with { Errors = [], ErrorsWithheld = true };
    }
}

/// <summary>A slice of a delivery; its row count only where the viewer sees the municipality's values unhidden.</summary>
public sealed record DeliverySlice(DateOnly Month, string Kommunkod, int? Rows, long? SupersededBy);

/// <summary>A current slice: which source has data for which month and municipality.</summary>
public sealed record CoveredSlice(string Source, DateOnly Month, string Kommunkod);

/// <summary>The delivery history: every file, accepted or rejected, with its summary or error report.</summary>
public sealed class DeliveryHistory(NpgsqlDataSource db)
{
    private const string Columns = """
        d.id, d.source, d.file_name, d.status, d.format, d.size_bytes, d.row_count, d.out_of_county, d.slices_superseded,
        d.error_count, d.imported_by, d.imported_via, d.imported_at,
        EXISTS (SELECT 1 FROM delivery_slices s WHERE s.delivery_id = d.id AND s.superseded_by IS NULL)
        """;

    /// <summary>The deliveries newest first, as the viewer may see them.</summary>
    public async Task<List<Delivery>> ListAsync(Viewer viewer, long offset, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, $"SELECT {Columns} FROM deliveries d ORDER BY d.id DESC OFFSET $1 LIMIT $2", offset, limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Delivery>();
        while (await r.ReadAsync(ct)) list.Add(Read(r).For(viewer));
        return list;
    }

    public async Task<DeliveryDetail?> GetAsync(long id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        Delivery delivery;
        IReadOnlyList<ImportError> errors;
        IReadOnlyList<string> warnings;
        await using (var cmd = Sql.Command(conn, $"SELECT {Columns}, d.errors::text, d.warnings::text FROM deliveries d WHERE d.id = $1", id))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return null;
            delivery = Read(r);
            errors = r.IsDBNull(14) ? [] : JsonSerializer.Deserialize<List<ImportError>>(r.GetString(14)) ?? [];
            warnings = r.IsDBNull(15) ? [] : JsonSerializer.Deserialize<List<string>>(r.GetString(15)) ?? [];
        }
        var slices = new List<DeliverySlice>();
        await using (var cmd = Sql.Command(conn,
                         "SELECT month, kommunkod, row_count, superseded_by FROM delivery_slices WHERE delivery_id = $1 ORDER BY month, kommunkod", id))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                slices.Add(new DeliverySlice(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetInt32(2),
                    r.IsDBNull(3) ? null : r.GetInt64(3)));
        return new DeliveryDetail(delivery, errors, warnings, slices);
    }

    /// <summary>The current slices of months from … to: the completeness matrix source × month × municipality.</summary>
    public async Task<List<CoveredSlice>> CoverageAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, """
            SELECT source, month, kommunkod FROM delivery_slices
            WHERE superseded_by IS NULL AND month BETWEEN $1 AND $2
            """, from, to);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<CoveredSlice>();
        while (await r.ReadAsync(ct)) list.Add(new CoveredSlice(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2)));
        return list;
    }

    /// <summary>The latest month any source has current data for; null before the first import.</summary>
    public async Task<DateOnly?> LatestMonthAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await Sql.ScalarAsync(conn, "SELECT max(month) FROM delivery_slices WHERE superseded_by IS NULL AND source <> 'befolkning'", ct)
            is DateOnly month ? month : null;
    }

    private static Delivery Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetInt64(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetString(10),
        r.GetString(11), r.GetFieldValue<DateTimeOffset>(12), r.GetBoolean(13));
}
