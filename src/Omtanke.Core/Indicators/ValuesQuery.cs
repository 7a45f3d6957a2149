using System.Globalization;
using System.Text;
using Npgsql;

namespace Omtanke.Core.Indicators;

public enum PeriodType { Month, Quarter, Year }

public sealed record IndicatorValue(string Indicator, string Area, string Period, decimal? Numerator,
    decimal? Denominator, decimal Value, bool Preliminary, bool Suppressed)
{
    public string Status => Preliminary ? "preliminary" : "final";
}

public sealed record ValuesFilter(DateOnly From, DateOnly To, PeriodType PeriodType = PeriodType.Month,
    IReadOnlyList<string>? Indicators = null, IReadOnlyList<string>? Areas = null);

/// <summary>Reads computed values: every (indicator, area, period) with a value, of periods overlapping a range.</summary>
public static class ValuesQuery
{
    public static async IAsyncEnumerable<IndicatorValue> ReadAsync(NpgsqlDataSource db, ValuesFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var (type, length) = filter.PeriodType switch
        {
            PeriodType.Quarter => ("quarter", "3 months"),
            PeriodType.Year => ("year", "12 months"),
            _ => ("month", "1 month"),
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            SELECT indicator_id, area, period, numerator, denominator, value, preliminary, suppressed
            FROM indicator_values
            WHERE period_type = @type AND value IS NOT NULL
              AND period_start <= @to AND period_start + interval '{length}' > @from
              AND (@indicators::text[] IS NULL OR indicator_id = ANY(@indicators))
              AND (@areas::text[] IS NULL OR area = ANY(@areas))
            ORDER BY indicator_id COLLATE "C", area COLLATE "C", period COLLATE "C"
            """, conn)
        {
            Parameters =
            {
                new("type", type),
                new("from", filter.From),
                new("to", filter.To),
                new("indicators", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.Indicators?.ToArray() ?? DBNull.Value },
                new("areas", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.Areas?.ToArray() ?? DBNull.Value },
            },
        };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return new IndicatorValue(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDecimal(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.GetDecimal(5), reader.GetBoolean(6), reader.GetBoolean(7));
    }

    /// <summary>The first and the last month that have any row, if any.</summary>
    public static async Task<(DateOnly First, DateOnly Last)?> MonthRangeAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT min(period_start), max(period_start) FROM indicator_values WHERE period_type = 'month'", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.IsDBNull(0) ? null : (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
    }

    /// <summary>The latest month that has any value, if any: what "the latest report" is about.</summary>
    public static async Task<DateOnly?> LatestMonthAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT max(period_start) FROM indicator_values WHERE period_type = 'month' AND value IS NOT NULL", conn);
        return await cmd.ExecuteScalarAsync(ct) is DateOnly month ? month : null;
    }
}

/// <summary>The <c>values</c> CSV of CLI.md: ';', '.', 4 decimals without trailing zeros, empty denominator for counts.</summary>
public static class ValuesCsv
{
    public const string Header = "indicator;area;period;numerator;denominator;value;status;suppressed";

    public static string Line(IndicatorValue v, bool isCount) => string.Join(';',
        v.Indicator, v.Area, v.Period, Number(v.Numerator), isCount ? "" : Number(v.Denominator), Number(v.Value),
        v.Status, v.Suppressed ? "true" : "false");

    /// <summary>
    /// The line as a user without the raw-data role reads it (<c>values --published</c>): a hidden value as its symbol,
    /// without numerator and denominator.
    /// </summary>
    public static string PublishedLine(IndicatorValue v, bool isCount, string? hiddenSymbol) => hiddenSymbol is null
        ? Line(v, isCount)
        : string.Join(';', v.Indicator, v.Area, v.Period, "", "", hiddenSymbol, v.Status, "true");

    public static string Number(decimal? x) =>
        x is { } d ? Math.Round(d, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture) : "";
}
