using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Every completed inpatient stay of a resident, all ages: the base of the readmission indicators.</summary>
public static class SlutenvardSource
{
    public const string Id = "slutenvard";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Slutenvård (vårdtillfällen)",
        Granularity = SourceGranularity.RowLevel,
        Columns =
        [
            new("vardtillfalle_id", new TextType(), Rule: "unik i filen"),
            new("patient_id", new PatientIdType()),
            new("kommunkod", new KommunkodType()),
            new("alder", new IntType(0, 120), Rule: "vid inskrivning"),
            new("vardform", new EnumType("somatik", "psykiatri")),
            new("inskrivningsdatum", new DateType()),
            new("utskrivningsdatum", new DateType(), Rule: "≥ inskrivningsdatum"),
            new("inskrivningssatt", new EnumType("akut", "planerad")),
            new("utskrivningssatt", new EnumType("hem", "sarskilt_boende", "annan_vardenhet", "avliden", "ovrigt")),
        ],
        ReferenceDateRule = "utskrivningsdatum",
        ReferenceDate = r => r.Get<DateOnly>("utskrivningsdatum"),
        UniqueKeys = [["vardtillfalle_id"]],
        RowRules = [RowRule.NotBefore("utskrivningsdatum", "inskrivningsdatum")],
    };
}
