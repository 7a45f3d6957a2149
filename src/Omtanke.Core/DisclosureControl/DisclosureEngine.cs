using Npgsql;
using NpgsqlTypes;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Extracts;
using Omtanke.Core.Sources;

namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// Decides, once per recompute, which published values are hidden: over every indicator value, every breakdown of the
/// municipal extracts and every relation
/// between them at once, since a value hidden in one output can be computed back from others (region minus its
/// municipalities, a quarter minus its months, a rate beside the count it shares). Every output reads the result,
/// <c>indicator_values.suppressed</c>, instead of deciding for itself.
/// </summary>
public sealed class DisclosureEngine(DisclosureSettings settings)
{
    public DisclosureSettings Settings => settings;

    /// <summary>Imports of different sources may finish at once; their passes must not interleave their writes.</summary>
    private const long PassLock = 0x0d15c105e;

    /// <summary>Recomputes the hidden set over what is stored in the scope (all when null) and writes the flags that changed.</summary>
    public async Task ApplyAsync(NpgsqlConnection conn, DisclosureScope? scope, CancellationToken ct = default)
    {
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", conn) { Parameters = { new("key", PassLock) } })
            await lockCmd.ExecuteNonQueryAsync(ct);
        var (values, breakdowns) = await ReadAsync(conn, scope ?? DisclosureScope.Everything, ct);
        var model = DisclosureModel.Of(values, breakdowns, settings);
        var hidden = SecondarySuppression.HiddenCells(model);
        await BreakdownValues.WriteHiddenAsync(conn, model.BreakdownCells
            .Select(b => (b.Row, b.Measure, Hidden: b.Cells.Any(hidden.Contains)))
            .Where(b => b.Hidden != b.Row.Measures[b.Measure].Hidden)
            .ToList(), ct);
        var changed = values
            .Select(v => (Value: v, Suppressed: model.CellsOf(v.Indicator, v.Area, v.Period).Any(hidden.Contains)))
            .Where(p => p.Suppressed != p.Value.Suppressed)
            .ToList();
        if (changed.Count == 0) return;
        await using var update = new NpgsqlCommand("""
            UPDATE indicator_values v SET suppressed = u.suppressed
            FROM unnest(@indicators, @areas, @types, @starts, @flags) AS u(indicator_id, area, period_type, period_start, suppressed)
            WHERE v.indicator_id = u.indicator_id AND v.area = u.area AND v.period_type = u.period_type
              AND v.period_start = u.period_start
            """, conn)
        {
            Parameters =
            {
                new("indicators", changed.Select(c => c.Value.Indicator).ToArray()),
                new("areas", changed.Select(c => c.Value.Area).ToArray()),
                new("types", changed.Select(c => c.Value.PeriodType).ToArray()),
                new("starts", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = changed.Select(c => c.Value.Start).ToArray() },
                new("flags", changed.Select(c => c.Suppressed).ToArray()),
            },
        };
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Checks what is published now against the guarantee, for the calendar years that overlap the range (no relation
    /// crosses a year). A cell is published when any value that carries it is shown.
    /// </summary>
    public async Task<AuditResult> AuditAsync(NpgsqlDataSource db, (DateOnly From, DateOnly To)? range, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var (values, breakdowns) = await ReadAsync(conn,
            range is var (from, to) ? DisclosureScope.Everything with { FirstYear = from.Year, LastYear = to.Year } : DisclosureScope.Everything, ct);
        var model = DisclosureModel.Of(values, breakdowns, settings);
        var shown = values.Where(v => !v.Suppressed)
            .SelectMany(v => model.CellsOf(v.Indicator, v.Area, v.Period))
            .Concat(model.BreakdownCells.Where(b => !b.Row.Measures[b.Measure].Hidden).SelectMany(b => b.Cells))
            .ToHashSet();
        return DisclosureAudit.Check(model, cell => !shown.Contains(cell.Id));
    }

    private static async Task<(List<StoredValue>, List<BreakdownRow>)> ReadAsync(NpgsqlConnection conn, DisclosureScope scope,
        CancellationToken ct)
    {
        var indicators = IndicatorCatalog.All.Where(i => scope.Includes(i.SourceId)).Select(i => i.Id).ToArray();
        await using var cmd = new NpgsqlCommand("""
            SELECT indicator_id, area, period_type, period, period_start, numerator, denominator, suppressed
            FROM indicator_values
            WHERE indicator_id = ANY(@indicators) AND period_start BETWEEN @from AND @to
            """, conn)
        {
            Parameters =
            {
                new("indicators", indicators),
                new("from", new DateOnly(scope.FirstYear, 1, 1)),
                new("to", new DateOnly(scope.LastYear, 12, 31)),
            },
        };
        var values = new List<StoredValue>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                values.Add(new StoredValue(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                    reader.IsDBNull(6) ? null : reader.GetDecimal(6), reader.GetBoolean(7)));
        var breakdowns = await BreakdownValues.ReadAllAsync(conn, BreakdownCatalog.All.Where(b => scope.Includes(b.SourceId)),
            scope.FirstYear, scope.LastYear, ct);
        return (values, breakdowns);
    }
}

/// <summary>
/// What one pass decides over: no relation crosses a source (its cells count its own rows) or a calendar year (regions,
/// quarters, years and breakdowns all lie within one), so a delivery needs only its source's years.
/// </summary>
public sealed record DisclosureScope(string? SourceId, int FirstYear, int LastYear)
{
    public static DisclosureScope Everything { get; } = new(null, 1, 9999);

    public bool Includes(string sourceId) => SourceId is null || SourceId == sourceId;
}
