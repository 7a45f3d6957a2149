using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

public static class HemsjukvardIndicators
{
    private static string Monthly(string column) => $"""
        SELECT area, ref_month AS month, sum({column}) AS num, NULL::bigint AS den
        FROM fact_hemsjukvard WHERE current AND ref_month BETWEEN @from AND @to
        GROUP BY area, ref_month
        """;

    private static IndicatorDefinition Count(string id, string name, string column, string text) => new()
    {
        Id = id, Name = name, SourceId = HemsjukvardSource.Id, Kind = IndicatorKind.Count, Aggregation = Aggregation.Flow,
        Better = Direction.None, Unit = "antal", NumeratorText = text, MonthlySql = Monthly(column),
    };

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new()
        {
            Id = "hsv_inskrivna_per_1000", Name = "Inskrivna i hemsjukvård per 1 000 invånare", SourceId = HemsjukvardSource.Id,
            Kind = IndicatorKind.Ratio, Factor = 1000, Aggregation = Aggregation.Snapshot, Better = Direction.None,
            Unit = "per 1 000", NumeratorText = "Inskrivna i hemsjukvård vid månadens slut",
            DenominatorText = "Invånare 31 december föregående år",
            MonthlySql = Monthly("inskrivna_manadens_slut"), PopulationColumn = "antal_totalt",
        },
        Count("hsv_nya_inskrivningar", "Nya inskrivningar i hemsjukvård", "nya_inskrivningar", "Nya inskrivningar under månaden"),
        Count("hsv_enstaka_hembesok", "Enstaka hembesök", "enstaka_hembesok", "Enstaka hembesök hos patienter som inte är inskrivna"),
    ];
}
