using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>End-of-life care from Svenska palliativregistret, per month and the deceased's municipality (aggregate).</summary>
public static class PalliativSource
{
    public const string Id = "palliativ";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Palliativ vård (Svenska palliativregistret)",
        Granularity = SourceGranularity.Aggregate,
        MunicipalitiesDeliver = true,
        Columns =
        [
            new("period", new MonthType()),
            new("kommunkod", new KommunkodType(), Rule: "den avlidnes hemkommun"),
            new("antal_vantade_dodsfall", new IntType(0, int.MaxValue)),
            new("antal_brytpunktssamtal", new IntType(0, int.MaxValue), Rule: "0 … antal_vantade_dodsfall"),
            new("antal_smartskattning", new IntType(0, int.MaxValue), Rule: "0 … antal_vantade_dodsfall"),
        ],
        ReferenceDateRule = "första dagen i period",
        ReferenceDate = r => r.Get<DateOnly>("period"),
        UniqueKeys = [["period", "kommunkod"]],
        RowRules =
        [
            RowRule.AtMost("antal_brytpunktssamtal", "antal_vantade_dodsfall"),
            RowRule.AtMost("antal_smartskattning", "antal_vantade_dodsfall"),
        ],
    };
}
