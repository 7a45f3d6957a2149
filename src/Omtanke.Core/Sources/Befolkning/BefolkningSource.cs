using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Population on 31 December per year and municipality: the denominators of per-capita indicators.</summary>
public static class BefolkningSource
{
    public const string Id = "befolkning";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Befolkning (referensdata)",
        Granularity = SourceGranularity.Aggregate,
        Columns =
        [
            new("ar", new YearType()),
            new("kommunkod", new KommunkodType()),
            new("antal_totalt", new IntType(1, int.MaxValue), Rule: "> 0"),
            new("antal_65_plus", new IntType(0, int.MaxValue), Rule: "0 … antal_totalt"),
            new("antal_80_plus", new IntType(0, int.MaxValue), Rule: "0 … antal_65_plus"),
        ],
        ReferenceDateRule = "31 december år ar",
        ReferenceDate = r => new DateOnly(r.Get<int>("ar"), 12, 31),
        UniqueKeys = [["ar", "kommunkod"]],
        RowRules = [RowRule.AtMost("antal_65_plus", "antal_totalt"), RowRule.AtMost("antal_80_plus", "antal_65_plus")],
    };
}
