namespace Omtanke.Core.Indicators;

public enum IndicatorKind { Ratio, Count }

/// <summary>Flow indicators sum over a quarter's or year's months; snapshots take its latest month with data.</summary>
public enum Aggregation { Flow, Snapshot }

public enum Direction { Lower, Higher, None }

/// <summary>
/// One indicator of INDICATORS.md. Its source folder supplies the SQL that computes, per municipality
/// and month, the numerator and denominator; the engine does everything the indicators share (data
/// presence, population denominators, the region, quarters and years, status, disclosure control).
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string SourceId { get; init; }
    public required IndicatorKind Kind { get; init; }
    public decimal Factor { get; init; } = 1;
    public required Aggregation Aggregation { get; init; }
    public required Direction Better { get; init; }
    /// <summary>Counts of persons: disclosure control applies.</summary>
    public bool PersonBased { get; init; } = true;
    public required string NumeratorText { get; init; }
    public string? DenominatorText { get; init; }
    public string Unit { get; init; } = "";

    /// <summary>
    /// SELECT area, month, num, den for months between @from and @to, from current rows only;
    /// den is ignored for a count and for a population ratio.
    /// </summary>
    public required string MonthlySql { get; init; }

    /// <summary>The befolkning column that is the denominator, where it is a population.</summary>
    public string? PopulationColumn { get; init; }

    /// <summary>SELECT month: the months between @from and @to that the indicator's own rule makes preliminary.</summary>
    public string? PreliminaryMonthsSql { get; init; }

    /// <summary>How far before and after a delivered month the indicator's values can change.</summary>
    public int LookBackMonths { get; init; }
    public int LookAheadMonths { get; init; }

    /// <summary>
    /// SELECT the earliest month a delivery (@delivery) can affect, where rows reach further back than their
    /// own month (a readmission's admission date); null when the look-back above suffices.
    /// </summary>
    public string? AffectedFromSql { get; init; }

    /// <summary>A table the source keeps for this indicator, derived from its facts, that MonthlySql reads.</summary>
    public DerivedTable? Derived { get; init; }
}

/// <summary>
/// A table derived from a source's facts, for an indicator too costly to compute from the facts each time:
/// rebuilt whole on a full recompute, refreshed for what a delivery (@delivery) touched after an import. It may be
/// unlogged: PostgreSQL empties such a table in crash recovery, and a delivery that finds it empty rebuilds it instead
/// of refreshing it (for a first delivery that is the same work).
/// </summary>
public sealed record DerivedTable(string Name, string RebuildSql, string RefreshAfterDeliverySql);
