using Omtanke.Core.Import;

namespace Omtanke.Core.Sources;

/// <summary>SIP meetings (samordnad individuell plan) of municipality and region.</summary>
public static class SipSource
{
    public const string Id = "sip";

    public static SourceDefinition Definition { get; } = new()
    {
        Id = Id,
        Title = "SIP (samordnad individuell plan)",
        Granularity = SourceGranularity.RowLevel,
        MunicipalitiesDeliver = true,
        Columns =
        [
            new("sip_id", new TextType(), Rule: "unik i filen"),
            new("kommunkod", new KommunkodType()),
            new("datum", new DateType(), Rule: "mötet"),
            new("status", new EnumType("genomford", "installd", "planerad")),
            new("malgrupp", new EnumType("barn_unga", "vuxna", "aldre")),
            new("patient_id", new PatientIdType(), Optional: true),
        ],
        ReferenceDateRule = "datum",
        ReferenceDate = r => r.Get<DateOnly>("datum"),
        UniqueKeys = [["sip_id"]],
    };
}
