using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Persons with a named regular doctor at month end, per municipality and group (aggregate).</summary>
public static class FastLakarkontaktSource
{
    public const string Id = "fast_lakarkontakt";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Fast läkarkontakt",
        Granularity = SourceGranularity.Aggregate,
        Columns =
        [
            new("period", new MonthType()),
            new("kommunkod", new KommunkodType()),
            new("grupp", new EnumType("befolkning", "sabo"), Rule: "sabo = boende i särskilt boende för äldre"),
            new("antal_personer", new IntType(0, int.MaxValue)),
            new("antal_med_fast_lakarkontakt", new IntType(0, int.MaxValue), Rule: "0 … antal_personer"),
        ],
        ReferenceDateRule = "första dagen i period",
        ReferenceDate = r => r.Get<DateOnly>("period"),
        UniqueKeys = [["period", "kommunkod", "grupp"]],
        RowRules = [RowRule.AtMost("antal_med_fast_lakarkontakt", "antal_personer")],
    };
}
