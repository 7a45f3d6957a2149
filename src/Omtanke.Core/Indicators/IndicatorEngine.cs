using System.Globalization;
using Npgsql;
using Omtanke.Core.DisclosureControl;
using Omtanke.Core.Import;
using Omtanke.Core.Reporting.Extracts;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Indicators;

/// <summary>
/// Computes indicator values set-based in PostgreSQL into <c>indicator_values</c>: months for the
/// municipalities and the region, then quarters and years from those months, then status and
/// then, over everything stored, disclosure control (<see cref="DisclosureEngine"/>). Recomputing a range of months
/// gives the same rows as a full recompute.
/// </summary>
public sealed class IndicatorEngine(DisclosureSettings disclosure)
{
    public DisclosureEngine Disclosure { get; } = new(disclosure);

    /// <summary>After a delivery: the indicators of its source, over the months it can affect.</summary>
    public async Task RecomputeAfterDeliveryAsync(NpgsqlConnection conn, SourceDefinition source, long deliveryId,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken ct = default)
    {
        // Months after the source's last month with data have no values: a look-ahead ends there.
        var lastWithData = (await MonthsWithDataAsync(conn, source.Id, ct))?.Last ?? DateOnly.MaxValue;
        var (earliest, latest) = (firstMonth, lastMonth);
        foreach (var indicator in IndicatorCatalog.All.Where(i => i.SourceId == source.Id))
        {
            if (indicator.Derived is { } derived) await RefreshAsync(conn, derived, deliveryId, ct);
            var from = firstMonth.AddMonths(-indicator.LookBackMonths);
            if (indicator.AffectedFromSql is { } sql)
            {
                await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new("delivery", deliveryId) } };
                if (await cmd.ExecuteScalarAsync(ct) is DateTime reach && DateOnly.FromDateTime(reach) < from)
                    from = DateOnly.FromDateTime(reach);
            }
            var to = lastMonth.AddMonths(indicator.LookAheadMonths);
            if (to > lastWithData) to = lastWithData;
            await RecomputeAsync(conn, indicator, from, to, ct);
            (earliest, latest) = (from < earliest ? from : earliest, to > latest ? to : latest);
        }
        await BreakdownValues.RefreshAsync(conn, source.Id, (firstMonth, lastMonth), ct);
        // A population changes the denominators of every later year that has no population of its own.
        if (source.Id == BefolkningSource.Id)
        {
            foreach (var indicator in IndicatorCatalog.All.Where(i => i.PopulationColumn is not null))
                await RecomputeAllAsync(conn, indicator, ct);
            await Disclosure.ApplyAsync(conn, null, ct);
        }
        else
            await Disclosure.ApplyAsync(conn, new DisclosureScope(source.Id, earliest.Year, latest.Year), ct);
    }

    /// <summary>
    /// Refreshes a derived table for a delivery, or rebuilds it when it is empty: crash recovery empties an unlogged
    /// table, and a refresh would then bring back only what the delivery touched.
    /// </summary>
    private static async Task RefreshAsync(NpgsqlConnection conn, DerivedTable derived, long deliveryId, CancellationToken ct)
    {
        if ((bool)(await Sql.ScalarAsync(conn, $"SELECT NOT EXISTS (SELECT 1 FROM {derived.Name})", ct))!)
        {
            await Sql.ExecAsync(conn, derived.RebuildSql, ct);
            return;
        }
        await using var refresh = new NpgsqlCommand(derived.RefreshAfterDeliverySql, conn)
        { Parameters = { new("delivery", deliveryId) } };
        await refresh.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The source's first and last month with current data; null when it has none.</summary>
    private static async Task<(DateOnly First, DateOnly Last)?> MonthsWithDataAsync(NpgsqlConnection conn, string sourceId,
        CancellationToken ct)
    {
        await using var cmd = Sql.Command(conn, $"SELECT min(month), max(month) FROM ({DataMonths.Of(sourceId)}) AS m");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.IsDBNull(0) ? null : (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
    }

    /// <summary>
    /// After a full recompute has committed: the rebuilt derived tables' rows are marked visible once and their
    /// statistics taken, so the first import after it does not pay for that in its refresh (about 1.6 s on the
    /// 9.5 M runs of a national läkarbesök). VACUUM cannot run inside a transaction.
    /// </summary>
    public async Task VacuumDerivedTablesAsync(NpgsqlConnection conn, CancellationToken ct = default)
    {
        foreach (var derived in IndicatorCatalog.All.Select(i => i.Derived).OfType<DerivedTable>())
            await Sql.ExecAsync(conn, $"VACUUM (ANALYZE) {derived.Name}", ct);
    }

    public async Task RecomputeAllAsync(NpgsqlConnection conn, CancellationToken ct = default)
    {
        foreach (var indicator in IndicatorCatalog.All)
            await RecomputeAllAsync(conn, indicator, ct);
        foreach (var source in SourceCatalog.All)
            await BreakdownValues.RefreshAsync(conn, source.Id, null, ct);
        await Disclosure.ApplyAsync(conn, null, ct);
    }

    private static async Task RecomputeAllAsync(NpgsqlConnection conn, IndicatorDefinition indicator, CancellationToken ct)
    {
        if (indicator.Derived is { } derived) await Sql.ExecAsync(conn, derived.RebuildSql, ct);
        await Sql.ExecAsync(conn, "DELETE FROM indicator_values WHERE indicator_id = $1", ct, indicator.Id);
        if (await MonthsWithDataAsync(conn, indicator.SourceId, ct) is (var first, var last))
            await RecomputeAsync(conn, indicator, first, last, ct);
    }

    /// <summary>
    /// Recomputes the months from..to (first days) and every quarter and year that overlaps them; what is hidden is
    /// decided after, over all indicators together.
    /// </summary>
    private static async Task RecomputeAsync(NpgsqlConnection conn, IndicatorDefinition indicator, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var source = SourceCatalog.Get(indicator.SourceId);
        var periodsFrom = new DateOnly(from.Year, 1, 1);
        var periodsTo = new DateOnly(to.Year, 12, 1);
        await using var cmd = new NpgsqlCommand(EngineSql(indicator, source), conn)
        {
            Parameters =
            {
                new("id", indicator.Id),
                new("from", from),
                new("to", to),
                new("periods_from", periodsFrom),
                new("periods_to", periodsTo),
            },
        };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string EngineSql(IndicatorDefinition indicator, SourceDefinition source)
    {
        var six = Areas.SqlArray;
        var rowLevel = source.Granularity == SourceGranularity.RowLevel;
        var monthRows = rowLevel
            ? $"""
               SELECT k.area, m.month, coalesce(b.num, 0)::numeric AS num, coalesce(b.den, 0)::numeric AS den
               FROM unnest({six}) AS k(area)
               CROSS JOIN (SELECT month FROM ({DataMonths.Of(source.Id)}) AS d WHERE month BETWEEN @from AND @to) AS m
               LEFT JOIN ind_base b ON b.area = k.area AND b.month = m.month
               """
            : $"SELECT area, month, coalesce(num, 0)::numeric AS num, coalesce(den, 0)::numeric AS den FROM ind_base WHERE area = ANY({six})";
        var population = indicator.PopulationColumn is { } column
            ? $"""
               UPDATE ind_month SET den = (
                   SELECT p.{column} FROM fact_befolkning p
                   WHERE p.current AND p.kommunkod = ind_month.area AND p.ar <= extract(year FROM ind_month.month)::int - 1
                   ORDER BY p.ar DESC LIMIT 1);
               """
            : "";
        var preliminaryMonths = indicator.PreliminaryMonthsSql is { } own
            ? $"OR m.month IN ({own})"
            : "";
        var regionPreliminary = rowLevel ? "false" : "m.area = '13' AND m.areas < 6";
        var value = ValueSql(indicator, "numerator", "denominator");
        var flowDenominator = indicator.PopulationColumn is not null
            ? "(array_agg(denominator ORDER BY period_start DESC))[1]"
            : "sum(denominator)";
        var (periodNumerator, periodDenominator) = indicator.Aggregation == Aggregation.Flow
            ? ("sum(numerator)", flowDenominator)
            : ("(array_agg(numerator ORDER BY period_start DESC))[1]", "(array_agg(denominator ORDER BY period_start DESC))[1]");
        return $"""
            DROP TABLE IF EXISTS ind_base, ind_month;
            CREATE TEMP TABLE ind_base AS {indicator.MonthlySql};
            CREATE TEMP TABLE ind_month AS
                SELECT area, month, num, den, 1 AS areas FROM ({monthRows}) AS rows;
            {population}
            INSERT INTO ind_month (area, month, num, den, areas)
                SELECT '13', month, sum(num), CASE WHEN count(den) = count(*) THEN sum(den) END, count(*)
                FROM ind_month GROUP BY month;

            DELETE FROM indicator_values
            WHERE indicator_id = @id AND period_type = 'month' AND period_start BETWEEN @from AND @to;
            INSERT INTO indicator_values (indicator_id, area, period_type, period, period_start, months_with_data,
                                          numerator, denominator, value, preliminary, suppressed)
            SELECT @id, m.area, 'month', to_char(m.month, 'YYYY-MM'), m.month, 1, m.num, m.den,
                   {ValueSql(indicator, "m.num", "m.den")},
                   ({regionPreliminary}) {preliminaryMonths}, false
            FROM ind_month m;

            DELETE FROM indicator_values
            WHERE indicator_id = @id AND period_type IN ('quarter', 'year') AND period_start BETWEEN @periods_from AND @periods_to;
            INSERT INTO indicator_values (indicator_id, area, period_type, period, period_start, months_with_data,
                                          numerator, denominator, value, preliminary, suppressed)
            SELECT @id, area, period_type, label, start, months, numerator, denominator, {value}, preliminary, false
            FROM (
                SELECT area, p.period_type,
                       CASE p.period_type WHEN 'quarter' THEN to_char(p.start, 'YYYY') || '-Q' || extract(quarter FROM p.start)
                                          ELSE to_char(p.start, 'YYYY') END AS label,
                       p.start, count(*)::int AS months,
                       {periodNumerator} AS numerator, {periodDenominator} AS denominator,
                       count(*) < p.length OR bool_or(preliminary) AS preliminary
                FROM indicator_values v
                CROSS JOIN LATERAL (VALUES ('quarter', date_trunc('quarter', v.period_start)::date, 3),
                                           ('year', date_trunc('year', v.period_start)::date, 12)) AS p(period_type, start, length)
                WHERE v.indicator_id = @id AND v.period_type = 'month'
                  AND v.period_start BETWEEN @periods_from AND @periods_to
                GROUP BY area, p.period_type, p.start, p.length
            ) AS periods;

            DROP TABLE ind_base, ind_month;
            """;
    }

    private static string ValueSql(IndicatorDefinition indicator, string numerator, string denominator) =>
        indicator.Kind == IndicatorKind.Count
            ? numerator
            : $"CASE WHEN {denominator} > 0 THEN {indicator.Factor.ToString(CultureInfo.InvariantCulture)} * {numerator} / {denominator} END";
}

/// <summary>The limit below which disclosure control hides a value (INDICATORS.md: 5, configurable).</summary>
public sealed record DisclosureSettings(int Limit = 5);
