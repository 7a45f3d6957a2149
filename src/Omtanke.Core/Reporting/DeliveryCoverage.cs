using Npgsql;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting;

/// <summary>A current (source, month, kommunkod) slice and the delivery that holds it.</summary>
public sealed record CurrentSlice(string Source, DateOnly Month, string Kommunkod, long DeliveryId, int Rows);

public sealed record DeliveryInfo(long Id, string Source, string FileName, DateTimeOffset ImportedAt, string ImportedBy,
    string ImportedVia, int Rows);

/// <summary>
/// Which delivery currently holds each slice of a range of months: what the Leveranser sheet shows.
/// Population slices (31 December) are read for the years before the range's years, since those are
/// the denominators its months use.
/// </summary>
public sealed class DeliveryCoverage
{
    private readonly Dictionary<(string Source, DateOnly Month, string Kommunkod), CurrentSlice> _slices = [];

    public IReadOnlyList<DeliveryInfo> Deliveries { get; private init; } = [];

    public CurrentSlice? Slice(string source, DateOnly month, string kommunkod) =>
        _slices.GetValueOrDefault((source, month, kommunkod));

    public bool SourceHasMonth(string source, DateOnly month) =>
        _slices.Keys.Any(k => k.Source == source && k.Month == month);

    public static async Task<DeliveryCoverage> LoadAsync(NpgsqlDataSource db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT s.source, s.month, s.kommunkod, s.delivery_id, s.row_count,
                   d.file_name, d.imported_at, d.imported_by, d.imported_via, d.row_count
            FROM delivery_slices s JOIN deliveries d ON d.id = s.delivery_id
            WHERE s.superseded_by IS NULL
              AND CASE WHEN s.source = @population
                       THEN s.month BETWEEN make_date(@from_year - 1, 12, 1) AND make_date(@to_year - 1, 12, 1)
                       ELSE s.month BETWEEN @from AND @to END
            """, conn)
        {
            Parameters =
            {
                new("from", from), new("to", to), new("from_year", from.Year), new("to_year", to.Year),
                new("population", BefolkningSource.Id),
            },
        };
        var coverage = new Dictionary<(string, DateOnly, string), CurrentSlice>();
        var deliveries = new Dictionary<long, DeliveryInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var slice = new CurrentSlice(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetInt64(3), r.GetInt32(4));
            coverage[(slice.Source, slice.Month, slice.Kommunkod)] = slice;
            deliveries.TryAdd(slice.DeliveryId, new DeliveryInfo(slice.DeliveryId, slice.Source, r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6), r.GetString(7), r.GetString(8), r.GetInt32(9)));
        }
        var result = new DeliveryCoverage { Deliveries = deliveries.Values.ToList() };
        foreach (var (key, slice) in coverage) result._slices[key] = slice;
        return result;
    }

    /// <summary>The slices of one delivery: for listing its months and municipalities.</summary>
    public IEnumerable<CurrentSlice> SlicesOf(long deliveryId) => _slices.Values.Where(s => s.DeliveryId == deliveryId);
}
