using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Municipal home health care per month and municipality (aggregate), delivered by each municipality.</summary>
public static class HemsjukvardSource
{
    public const string Id = "hemsjukvard";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Hemsjukvård",
        Granularity = SourceGranularity.Aggregate,
        MunicipalitiesDeliver = true,
        Columns =
        [
            new("period", new MonthType()),
            new("kommunkod", new KommunkodType()),
            new("inskrivna_manadens_slut", new IntType(0, int.MaxValue), Rule: "inskrivna vid månadens slut"),
            new("nya_inskrivningar", new IntType(0, int.MaxValue)),
            new("enstaka_hembesok", new IntType(0, int.MaxValue), Rule: "enstaka hembesök hos ej inskrivna"),
        ],
        ReferenceDateRule = "första dagen i period",
        ReferenceDate = r => r.Get<DateOnly>("period"),
        UniqueKeys = [["period", "kommunkod"]],
    };
}
