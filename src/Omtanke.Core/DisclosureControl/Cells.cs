namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// One number a published output may show: a count, or a numerator or denominator of a ratio (populations excepted:
/// they are public), of one area and period. Indicators that count the same thing share a quantity, so they share
/// the cell (INDICATORS.md, Disclosure control, relation 3); a breakdown's category adds a category.
/// </summary>
public sealed record CellKey(string Quantity, string Area, string Period, string Category = "");

/// <summary>A cell with its value and what ranks it when the secondary rule picks one to hide.</summary>
public sealed class Cell(int id, CellKey key, decimal value, string periodType, DateOnly periodStart)
{
    public int Id { get; } = id;
    public CellKey Key { get; } = key;
    public decimal Value { get; } = value;
    /// <summary>month, quarter or year, as in <c>indicator_values</c>.</summary>
    public string PeriodType { get; } = periodType;
    public DateOnly PeriodStart { get; } = periodStart;
    public string Area => Key.Area;

    /// <summary>Hidden by the primary rule: a small count of persons, or a ratio over few.</summary>
    public bool Primary { get; set; }

    /// <summary>
    /// An order of cells that does not depend on which cells a pass read, so that a delivery's pass over its source and
    /// years hides exactly what a pass over everything would.
    /// </summary>
    public static IComparer<Cell> Canonical { get; } = Comparer<Cell>.Create((a, b) =>
        a.PeriodStart.CompareTo(b.PeriodStart) is var byPeriod and not 0 ? byPeriod
        : string.CompareOrdinal(a.Key.Quantity, b.Key.Quantity) is var byQuantity and not 0 ? byQuantity
        : string.CompareOrdinal(a.Area, b.Area) is var byArea and not 0 ? byArea
        : string.CompareOrdinal(a.PeriodType, b.PeriodType) is var byType and not 0 ? byType
        : string.CompareOrdinal(a.Key.Category, b.Key.Category));

    public override string ToString() =>
        $"{Key.Quantity} {Key.Area} {Key.Period}{(Key.Category.Length > 0 ? " " + Key.Category : "")}";
}

/// <summary>
/// Published cells bound by a sum: the total equals the sum of the parts (region = its municipalities, a quarter or
/// year = its months, a breakdown's total = its categories).
/// </summary>
public sealed record Relation(int Total, IReadOnlyList<int> Parts)
{
    public IEnumerable<int> Cells => Parts.Prepend(Total);
}
