using Npgsql;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting.Extracts;

/// <summary>
/// One month (or, for a whole-period breakdown, the first month) and group of a breakdown with its raw
/// aggregates: per count its value, per ratio numerator and denominator.
/// </summary>
public sealed record BreakdownRow(DateOnly Month, IReadOnlyList<string> Groups, IReadOnlyList<(decimal Value, decimal Denominator)> Measures);

/// <summary>Reads a breakdown for one municipality and a range of months, set-based: one grouped query over the current rows.</summary>
public static class BreakdownQuery
{
    public static async Task<List<BreakdownRow>> ReadAsync(NpgsqlDataSource db, Breakdown breakdown, string kommun,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var measures = breakdown.AllMeasures.ToList();
        var columns = measures.SelectMany(m => m switch
        {
            CountMeasure c => new[] { $"coalesce({c.Sql}, 0)", "NULL::numeric" },
            RatioMeasure r => [$"coalesce({r.NumeratorSql}, 0)", $"coalesce({r.DenominatorSql}, 0)"],
            _ => throw new NotSupportedException(m.GetType().Name),
        });
        var dimensions = breakdown.Dimensions.Select(d => d.Sql);
        var groupBy = string.Join(", ", Enumerable.Range(breakdown.PerMonth ? 1 : 2, breakdown.Dimensions.Count + (breakdown.PerMonth ? 1 : 0)));
        var sql = $"""
            SELECT {(breakdown.PerMonth ? "ref_month" : "@from::date")}, {string.Join(", ", dimensions)}, {string.Join(", ", columns)}
            FROM {SourceCatalog.Get(breakdown.SourceId).FactTable}
            WHERE current AND area = @kommun AND ref_month BETWEEN @from AND @to
            GROUP BY {groupBy}
            ORDER BY {groupBy}
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new("kommun", kommun), new("from", from), new("to", to) } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<BreakdownRow>();
        var first = breakdown.Dimensions.Count + 1;
        while (await reader.ReadAsync(ct))
            rows.Add(new BreakdownRow(reader.GetFieldValue<DateOnly>(0),
                Enumerable.Range(1, breakdown.Dimensions.Count).Select(reader.GetString).ToList(),
                Enumerable.Range(0, measures.Count).Select(i => (Convert.ToDecimal(reader.GetValue(first + 2 * i)),
                    reader.IsDBNull(first + 2 * i + 1) ? 0m : reader.GetDecimal(first + 2 * i + 1))).ToList()));
        return rows;
    }
}
