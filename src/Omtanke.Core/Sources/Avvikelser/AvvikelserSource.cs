using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>Deviations and disputes between a municipality and the region; the case belongs to the municipality.</summary>
public static class AvvikelserSource
{
    public const string Id = "avvikelser";
    private const string Region = KommunkodType.Region;

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "Avvikelser och tvister i samverkan",
        Granularity = SourceGranularity.RowLevel,
        MunicipalitiesDeliver = true,
        Columns =
        [
            new("arende_id", new TextType(), Rule: "unik i filen"),
            new("typ", new EnumType("avvikelse", "tvist")),
            new("rapporterad_datum", new DateType()),
            new("rapporterad_av", new KommunkodType(allowRegion: true)),
            new("mottagare", new KommunkodType(allowRegion: true), Rule: "exakt en av rapporterad_av och mottagare är region"),
            new("kategori", new EnumType("utskrivning", "informationsoverforing", "lakemedel", "hjalpmedel", "sip",
                "hemsjukvard", "betalningsansvar", "ovrigt")),
            new("besvarad_datum", new DateType(), Optional: true, Rule: "≥ rapporterad_datum"),
        ],
        ReferenceDateRule = "rapporterad_datum",
        ReferenceDate = r => r.Get<DateOnly>("rapporterad_datum"),
        Area = r => r.Get<string>("rapporterad_av") == Region ? r.Get<string>("mottagare") : r.Get<string>("rapporterad_av"),
        UniqueKeys = [["arende_id"]],
        RowRules =
        [
            new("mottagare", ["rapporterad_av", "mottagare"],
                r => (r.Get<string>("rapporterad_av") == Region) != (r.Get<string>("mottagare") == Region),
                _ => "Exakt en av rapporterad_av och mottagare ska vara region; den andra är kommunens kommunkod."),
            RowRule.NotBefore("besvarad_datum", "rapporterad_datum"),
        ],
    };
}
