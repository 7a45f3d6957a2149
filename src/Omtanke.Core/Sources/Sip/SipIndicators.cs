using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

public static class SipIndicators
{
    private const string Monthly = """
        SELECT area, ref_month AS month, count(*) FILTER (WHERE status = 'genomford') AS num, NULL::bigint AS den
        FROM fact_sip WHERE current AND ref_month BETWEEN @from AND @to
        GROUP BY area, ref_month
        """;

    private const string Held = "SIP-möten med status genomförd";

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new()
        {
            Id = "sip_antal", Name = "Genomförda SIP", SourceId = SipSource.Id,
            Kind = IndicatorKind.Count, Aggregation = Aggregation.Flow, Better = Direction.Higher, Unit = "antal",
            NumeratorText = Held, MonthlySql = Monthly,
        },
        new()
        {
            Id = "sip_per_10000", Name = "Genomförda SIP per 10 000 invånare", SourceId = SipSource.Id,
            Kind = IndicatorKind.Ratio, Factor = 10000, Aggregation = Aggregation.Flow, Better = Direction.Higher,
            Unit = "per 10 000", NumeratorText = Held, DenominatorText = "Invånare 31 december föregående år",
            MonthlySql = Monthly, PopulationColumn = "antal_totalt",
        },
    ];
}
