namespace Omtanke.Core.Samples;

/// <summary>How a cell is written: the same value is text in one file and a number or date cell in another.</summary>
internal enum CellKind
{
    Text,
    /// <summary>An enumeration value, written as its Swedish label in files that use labels.</summary>
    Enum,
    Integer,
    /// <summary>A count, the integers that a file may group in thousands.</summary>
    Count,
    Decimal,
    Date,
    /// <summary>A period <c>yyyy-MM</c>, held as its first day.</summary>
    Month,
}

internal sealed record SampleColumn(string Name, CellKind Kind);

/// <summary>
/// One source's columns as the sample files write them, in the order of EXTRACTS.md. Rows are arrays
/// in this order: string, int, decimal or DateOnly values, null for an empty cell.
/// </summary>
internal sealed class SampleTable(string sourceId, params SampleColumn[] columns)
{
    public string SourceId { get; } = sourceId;
    public IReadOnlyList<SampleColumn> Columns { get; } = columns;

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column) return i;
        throw new ArgumentException($"Sample table {SourceId} has no column {column}.");
    }

    public T Get<T>(object?[] row, string column) => (T)row[IndexOf(column)]!;
}

/// <summary>A column some exports add, placed after the column <paramref name="After"/> (first when null); the importer ignores it with a warning.</summary>
internal sealed record ExtraColumn(string Header, Func<object?[], object?> Value, string? After = null);
