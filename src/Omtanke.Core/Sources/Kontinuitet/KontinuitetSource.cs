using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>The Ko05L continuity index per health centre and month, from Primärvårdskvalitet (aggregate).</summary>
public static class KontinuitetSource
{
    public const string Id = "kontinuitet";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Kontinuitetsindex Ko05L per vårdcentral",
        Granularity = SourceGranularity.Aggregate,
        Columns =
        [
            new("period", new MonthType()),
            new("vardcentral", new TextType()),
            new("kommunkod", new KommunkodType(), Rule: "kommunen där vårdcentralen ligger"),
            new("antal_patienter", new IntType(0, int.MaxValue), Rule: "patienter i indexets bas"),
            new("kontinuitetsindex", new DecimalType(0, 1)),
        ],
        ReferenceDateRule = "första dagen i period",
        ReferenceDate = r => r.Get<DateOnly>("period"),
        UniqueKeys = [["period", "vardcentral"]],
    };
}
