using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Targets;

public enum TargetDirection { AtLeast, AtMost }

/// <summary>A target of an indicator, in force from <see cref="ValidFrom"/> until a later one replaces it.</summary>
public sealed record Target(string IndicatorId, decimal? Value, TargetDirection Direction, DateOnly ValidFrom,
    string SetBy, DateTimeOffset SetAt)
{
    public bool IsMetBy(decimal value) => Value is { } t &&
        (Direction == TargetDirection.AtLeast ? value >= t : value <= t);

    public string DirectionText => Direction == TargetDirection.AtLeast ? "≥" : "≤";

    /// <summary>Who set the seeded defaults of INDICATORS.md (the migrations' 'standard').</summary>
    public const string DefaultSetBy = "standard";

    public static string DbDirection(TargetDirection d) => d == TargetDirection.AtLeast ? "at_least" : "at_most";
}

public static class TargetStore
{
    /// <summary>Every target row, oldest first: the history of changes.</summary>
    public static async Task<List<Target>> HistoryAsync(NpgsqlConnection conn, CancellationToken ct = default)
    {
        var list = new List<Target>();
        await using var cmd = Sql.Command(conn,
            "SELECT indicator_id, value, direction, valid_from, set_by, set_at FROM targets ORDER BY indicator_id, valid_from, id");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Target(r.GetString(0), r.IsDBNull(1) ? null : r.GetDecimal(1),
                r.GetString(2) == "at_least" ? TargetDirection.AtLeast : TargetDirection.AtMost,
                r.GetFieldValue<DateOnly>(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }

    /// <summary>The target in force for an indicator at a period's first day, if any.</summary>
    public static Target? InForce(IEnumerable<Target> history, string indicatorId, DateOnly periodStart) =>
        history.Where(t => t.IndicatorId == indicatorId && t.ValidFrom <= periodStart)
            .OrderByDescending(t => t.ValidFrom).ThenByDescending(t => t.SetAt)
            .FirstOrDefault() is { Value: not null } t ? t : null;

    public static async Task SetAsync(NpgsqlConnection conn, string indicatorId, decimal? value, TargetDirection direction,
        DateOnly validFrom, string actor, CancellationToken ct = default)
    {
        await Sql.ExecAsync(conn,
            "INSERT INTO targets (indicator_id, value, direction, valid_from, set_by) VALUES ($1, $2, $3, $4, $5)", ct,
            indicatorId, value, Target.DbDirection(direction), validFrom, actor);
        await Audit.WriteAsync(conn, actor, "mål-ändrat", indicatorId,
            new { value, direction = Target.DbDirection(direction), validFrom = validFrom.ToString("yyyy-MM-dd") }, ct);
    }
}
