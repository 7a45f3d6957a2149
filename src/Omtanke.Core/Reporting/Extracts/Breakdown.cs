namespace Omtanke.Core.Reporting.Extracts;

/// <summary>A grouping column of a breakdown: its heading and the SQL expression over the source's fact table.</summary>
public sealed record BreakdownDimension(string Heading, string Sql);

/// <summary>A measure of a breakdown, an aggregate over the group's current rows.</summary>
public abstract record BreakdownMeasure(string Heading);

/// <summary>A count (of rows, of days): hidden when between 1 and the limit.</summary>
public sealed record CountMeasure(string Heading, string Sql) : BreakdownMeasure(Heading);

/// <summary>factor × numerator / denominator: hidden when the denominator is below the limit.</summary>
public sealed record RatioMeasure(string Heading, string NumeratorSql, string DenominatorSql, decimal Factor, string Format)
    : BreakdownMeasure(Heading);

/// <summary>
/// A breakdown of one source for a municipality's local extract: per month (or, where the groups are
/// too many and small for months, over the whole period) and group, the measures. <see cref="Unit"/>
/// counts what the rows are about (stays, plans, cases); a group with fewer than the limit of them is
/// hidden whole, since every other measure of it describes those few.
/// </summary>
public sealed record Breakdown(string SheetName, string Title, string SourceId, IReadOnlyList<BreakdownDimension> Dimensions,
    CountMeasure Unit, IReadOnlyList<BreakdownMeasure> Measures, bool PerMonth = true)
{
    public IEnumerable<BreakdownMeasure> AllMeasures => Measures.Prepend(Unit);
}
