using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Physician visits in primary care, to compute the continuity index per municipality locally.</summary>
public static class LakarbesokSource
{
    public const string Id = "lakarbesok";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Läkarbesök i primärvården",
        Granularity = SourceGranularity.RowLevel,
        Columns =
        [
            new("besok_id", new TextType(), Rule: "unik i filen"),
            new("patient_id", new PatientIdType()),
            new("kommunkod", new KommunkodType(), Rule: "patientens hemkommun"),
            new("vardcentral", new TextType(), Rule: "vårdcentralen där patienten är listad och besöket skedde"),
            new("lakare_id", new TextType(), Rule: "pseudonym för läkaren"),
            new("besoksdatum", new DateType()),
        ],
        ReferenceDateRule = "besoksdatum",
        ReferenceDate = r => r.Get<DateOnly>("besoksdatum"),
        UniqueKeys = [["besok_id"]],
        // The largest extract by far: ten million visits in a national two-year file (0120_lakarbesok_visits_by_delivery).
        PartitionedByDelivery = true,
    };
}
