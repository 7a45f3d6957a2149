namespace Omtanke.Core.Import;

/// <summary>Row-level sources hold one row per event; aggregate sources one row per month and group.</summary>
public enum SourceGranularity { RowLevel, Aggregate }

public sealed record Column(string Name, ColumnType Type, bool Optional = false, string Rule = "")
{
    /// <summary>Patient ids are stored as their keyed hash, under a name that says so.</summary>
    public string DbName => Type is PatientIdType ? "patient_key" : Name;
}

/// <summary>A rule between columns of one row, checked once every cell it reads has parsed.</summary>
public sealed record RowRule(string Column, string[] Reads, Func<RowValues, bool> Holds, Func<RowValues, string> Reason)
{
    public static RowRule NotBefore(string column, string earlier) => new(column, [column, earlier],
        r => r.Get<DateOnly>(column) >= r.Get<DateOnly>(earlier),
        r => $"Får inte vara före {earlier} ({r.Get<DateOnly>(earlier):yyyy-MM-dd}).");

    public static RowRule AtMost(string column, string limit) => new(column, [column, limit],
        r => r.Get<int>(column) <= r.Get<int>(limit),
        r => $"Får inte vara större än {limit} ({r.Get<int>(limit)}).");
}

/// <summary>
/// One source of EXTRACTS.md, declared once: its columns with types and rules, its reference date,
/// the municipality a row belongs to, and the keys that must be unique within a file. The reader,
/// validation, error texts, fact table load and documentation all come from this declaration.
/// </summary>
public sealed class SourceDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required SourceGranularity Granularity { get; init; }
    public required IReadOnlyList<Column> Columns { get; init; }
    public required string ReferenceDateRule { get; init; }
    public required Func<RowValues, DateOnly> ReferenceDate { get; init; }
    /// <summary>The kommunkod a row belongs to: its slice, and the area it counts in.</summary>
    public Func<RowValues, string> Area { get; init; } = r => r.Get<string>("kommunkod");
    public IReadOnlyList<string[]> UniqueKeys { get; init; } = [];
    public IReadOnlyList<RowRule> RowRules { get; init; } = [];
    /// <summary>
    /// Each municipality may deliver its own slices, because its own systems hold the data. Otherwise only the
    /// region delivers: a municipality's file would replace the region's figures for it, some of which (the
    /// utskrivningsklara days) decide what the municipality pays.
    /// </summary>
    public bool MunicipalitiesDeliver { get; init; }

    /// <summary>
    /// Each delivery's rows are a partition of the fact table of their own, loaded before it is attached (see
    /// <see cref="FactTarget"/>): the source's migrations make <c>fact_ID</c> <c>PARTITION BY LIST (delivery_id)</c>
    /// and give a function <c>fact_ID_delivery_table(delivery bigint)</c> that creates a delivery's partition.
    /// </summary>
    public bool PartitionedByDelivery { get; init; }

    public string FactTable => "fact_" + Id;

    public IEnumerable<Column> RequiredColumns => Columns.Where(c => !c.Optional);

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column) return i;
        throw new ArgumentException($"Source {Id} has no column {column}.");
    }
}

/// <summary>The parsed values of one row, by column name.</summary>
public sealed class RowValues(SourceDefinition source)
{
    private readonly object?[] _values = new object?[source.Columns.Count];

    public object? this[int index]
    {
        get => _values[index];
        set => _values[index] = value;
    }

    public T Get<T>(string column) => (T)_values[source.IndexOf(column)]!;

    public bool Has(string column) => _values[source.IndexOf(column)] is not null;

    public void Clear() => Array.Clear(_values);
}
