using Npgsql;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting.Extracts;

/// <summary>One measure of a breakdown row as stored: a count, or a ratio's numerator and denominator, and whether it is hidden.</summary>
public sealed record BreakdownMeasureValue(decimal Value, decimal? Denominator, bool Hidden);

/// <summary>One period and group of a breakdown (no groups: the period's total), with its measures in declaration order.</summary>
public sealed record BreakdownRow(string Breakdown, string Kommun, string PeriodType, string Period, DateOnly PeriodStart,
    IReadOnlyList<string> Groups, IReadOnlyList<BreakdownMeasureValue> Measures)
{
    public bool IsTotal => Groups.Count == 0;
}

/// <summary>
/// The breakdowns' values in <c>breakdown_values</c>: rebuilt set-based for every municipality when their source's
/// indicators are recomputed, read by the extract, their hidden flags written by disclosure control.
/// </summary>
public static class BreakdownValues
{
    /// <summary>Rebuilds a source's breakdowns: the periods that overlap the months given, or all.</summary>
    public static async Task RefreshAsync(NpgsqlConnection conn, string sourceId, (DateOnly First, DateOnly Last)? months, CancellationToken ct)
    {
        foreach (var breakdown in BreakdownCatalog.All.Where(b => b.SourceId == sourceId))
        {
            await using var cmd = new NpgsqlCommand(RefreshSql(breakdown), conn)
            {
                Parameters =
                {
                    new("name", breakdown.SheetName),
                    new("first", months?.First ?? DateOnly.MinValue),
                    new("last", months?.Last ?? DateOnly.MaxValue),
                },
            };
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static string RefreshSql(Breakdown breakdown)
    {
        var measures = breakdown.AllMeasures.ToList();
        var columns = measures.Select((m, i) => m switch
        {
            CountMeasure c => $"coalesce({c.Sql}, 0) AS v{i}, NULL::numeric AS d{i}",
            RatioMeasure r => $"coalesce({r.NumeratorSql}, 0) AS v{i}, coalesce({r.DenominatorSql}, 0) AS d{i}",
            _ => throw new NotSupportedException(m.GetType().Name),
        });
        var dimensions = breakdown.Dimensions.Select((d, i) => $"{d.Sql} AS g{i}").ToList();
        var groupColumns = string.Join(", ", breakdown.Dimensions.Select((_, i) => $"g{i}"));
        var (grain, length, label) = breakdown.Period == BreakdownPeriod.Quarter
            ? ("quarter", "3 months", "to_char(p, 'YYYY') || '-Q' || extract(quarter FROM p)")
            : ("month", "1 month", "to_char(p, 'YYYY-MM')");
        return $"""
            DELETE FROM breakdown_values WHERE breakdown = @name AND period_start BETWEEN date_trunc('{grain}', @first)::date AND @last;
            INSERT INTO breakdown_values (breakdown, kommun, period_type, period, period_start, groups, measure, value, denominator)
            SELECT @name, area, '{grain}', {label}, p,
                   CASE WHEN rolled_up = 0 THEN ARRAY[{groupColumns}]::text[] ELSE ARRAY[]::text[] END,
                   m.measure, m.value, m.denominator
            FROM (
                SELECT area, p, {groupColumns}, grouping({groupColumns}) AS rolled_up, {string.Join(", ", columns)}
                FROM (SELECT f.*, date_trunc('{grain}', ref_month)::date AS p, {string.Join(", ", dimensions)}
                      FROM {SourceCatalog.Get(breakdown.SourceId).FactTable} f
                      WHERE current AND area = ANY({Indicators.Areas.SqlArray})
                        AND ref_month >= date_trunc('{grain}', @first)::date
                        AND ref_month < date_trunc('{grain}', @last) + interval '{length}') AS rows
                GROUP BY GROUPING SETS ((area, p, {groupColumns}), (area, p))
            ) AS t
            CROSS JOIN LATERAL (VALUES {string.Join(", ", measures.Select((_, i) => $"({i}, v{i}, d{i})"))}) AS m(measure, value, denominator);
            """;
    }

    /// <summary>The stored rows of the breakdowns given, in the years given, for disclosure control.</summary>
    public static async Task<List<BreakdownRow>> ReadAllAsync(NpgsqlConnection conn, IEnumerable<Breakdown> breakdowns,
        int firstYear, int lastYear, CancellationToken ct) =>
        await ReadAsync(conn, """
            WHERE breakdown = ANY(@names) AND period_start BETWEEN @from AND @to
            """, [new("names", breakdowns.Select(b => b.SheetName).ToArray()), new("from", new DateOnly(firstYear, 1, 1)),
                new("to", new DateOnly(lastYear, 12, 31))], ct);

    /// <summary>A breakdown of one municipality, of the periods that overlap from..to (first days of months).</summary>
    public static async Task<List<BreakdownRow>> ReadAsync(NpgsqlDataSource db, Breakdown breakdown, string kommun,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn, """
            WHERE breakdown = @name AND kommun = @kommun AND period_start <= @to
              AND period_start + CASE period_type WHEN 'quarter' THEN interval '3 months' ELSE interval '1 month' END > @from
            """, [new("name", breakdown.SheetName), new("kommun", kommun), new("from", from), new("to", to)], ct);
    }

    private static async Task<List<BreakdownRow>> ReadAsync(NpgsqlConnection conn, string where, NpgsqlParameter[] parameters,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT breakdown, kommun, period_type, period, period_start, groups,
                   array_agg(value ORDER BY measure), array_agg(denominator ORDER BY measure), array_agg(hidden ORDER BY measure)
            FROM breakdown_values
            {where}
            GROUP BY breakdown, kommun, period_type, period, period_start, groups
            ORDER BY breakdown, kommun, period_start, cardinality(groups) = 0, groups COLLATE "C"
            """, conn);
        cmd.Parameters.AddRange(parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<BreakdownRow>();
        while (await reader.ReadAsync(ct))
        {
            var values = reader.GetFieldValue<decimal[]>(6);
            var denominators = reader.GetFieldValue<decimal?[]>(7);
            var hidden = reader.GetFieldValue<bool[]>(8);
            rows.Add(new BreakdownRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<string[]>(5),
                values.Select((v, i) => new BreakdownMeasureValue(v, denominators[i], hidden[i])).ToList()));
        }
        return rows;
    }

    /// <summary>Writes the hidden flags that changed.</summary>
    public static async Task WriteHiddenAsync(NpgsqlConnection conn, IReadOnlyList<(BreakdownRow Row, int Measure, bool Hidden)> changed,
        CancellationToken ct)
    {
        if (changed.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            UPDATE breakdown_values v SET hidden = u.hidden
            FROM (SELECT * FROM unnest(@breakdowns, @kommuns, @starts, @groups, @measures, @hidden)
                  AS u(breakdown, kommun, period_start, groups, measure, hidden)) AS u
            WHERE v.breakdown = u.breakdown AND v.kommun = u.kommun AND v.period_start = u.period_start
              AND v.groups = string_to_array(u.groups, E'\x1f') AND v.measure = u.measure
            """, conn)
        {
            Parameters =
            {
                new("breakdowns", changed.Select(c => c.Row.Breakdown).ToArray()),
                new("kommuns", changed.Select(c => c.Row.Kommun).ToArray()),
                new("starts", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date) { Value = changed.Select(c => c.Row.PeriodStart).ToArray() },
                new("groups", changed.Select(c => string.Join('\x1f', c.Row.Groups)).ToArray()),
                new("measures", changed.Select(c => c.Measure).ToArray()),
                new("hidden", changed.Select(c => c.Hidden).ToArray()),
            },
        };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
