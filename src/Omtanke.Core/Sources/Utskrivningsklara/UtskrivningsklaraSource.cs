using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Completed hospital stays with an utskrivningsklar notice, delivered by the region.</summary>
public static class UtskrivningsklaraSource
{
    public const string Id = "utskrivningsklara";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Utskrivningsklara vårdtillfällen",
        Granularity = SourceGranularity.RowLevel,
        Columns =
        [
            new("vardtillfalle_id", new TextType(), Rule: "unik i filen"),
            new("patient_id", new PatientIdType()),
            new("kommunkod", new KommunkodType(), Rule: "patientens hemkommun"),
            new("alder", new IntType(0, 120)),
            new("vardform", new EnumType("somatik", "psykiatri")),
            new("sjukhus", new TextType(), Optional: true),
            new("enhet", new TextType(), Optional: true, Rule: "avdelning eller klinik"),
            new("inskrivningsdatum", new DateType()),
            new("utskrivningsklar_datum", new DateType(), Rule: "≥ inskrivningsdatum"),
            new("utskrivningsdatum", new DateType(), Rule: "≥ utskrivningsklar_datum"),
        ],
        ReferenceDateRule = "utskrivningsdatum",
        ReferenceDate = r => r.Get<DateOnly>("utskrivningsdatum"),
        UniqueKeys = [["vardtillfalle_id"]],
        RowRules =
        [
            RowRule.NotBefore("utskrivningsklar_datum", "inskrivningsdatum"),
            RowRule.NotBefore("utskrivningsdatum", "utskrivningsklar_datum"),
        ],
    };
}
