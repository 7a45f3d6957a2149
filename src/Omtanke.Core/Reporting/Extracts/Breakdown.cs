namespace Omtanke.Core.Reporting.Extracts;

/// <summary>A grouping column of a breakdown: its heading and the SQL expression over the source's fact table.</summary>
public sealed record BreakdownDimension(string Heading, string Sql);

/// <summary>
/// A measure of a breakdown, an aggregate over the group's current rows. Its texts say what it counts in the words of
/// the indicators (<see cref="Indicators.IndicatorDefinition.NumeratorText"/>): a breakdown's total and an indicator
/// that count the same thing are one cell to disclosure control.
/// </summary>
public abstract record BreakdownMeasure(string Heading);

/// <summary>A count (of rows, of days): hidden when between 1 and the limit.</summary>
public sealed record CountMeasure(string Heading, string Sql, string Counts) : BreakdownMeasure(Heading);

/// <summary>factor × numerator / denominator: hidden when the denominator is below the limit.</summary>
public sealed record RatioMeasure(string Heading, string NumeratorSql, string NumeratorCounts, string DenominatorSql,
    string DenominatorCounts, decimal Factor, string Format) : BreakdownMeasure(Heading);

/// <summary>How long a breakdown's periods are: months, or quarters where its groups are too many and small for months.</summary>
public enum BreakdownPeriod { Month, Quarter }

/// <summary>
/// A breakdown of one source for a municipality's local extract: per period and group, the measures, and a total row
/// per period. <see cref="Unit"/> counts what the rows are about (stays); a group with fewer than the limit of them is
/// hidden whole, since every other measure of it describes those few.
/// </summary>
public sealed record Breakdown(string SheetName, string Title, string SourceId, IReadOnlyList<BreakdownDimension> Dimensions,
    CountMeasure Unit, IReadOnlyList<BreakdownMeasure> Measures, BreakdownPeriod Period = BreakdownPeriod.Month)
{
    public IEnumerable<BreakdownMeasure> AllMeasures => Measures.Prepend(Unit);

    /// <summary>A category's label, the group values joined: the order in which ties are broken.</summary>
    public static string Category(IReadOnlyList<string> groups) => string.Join(" / ", groups);
}
