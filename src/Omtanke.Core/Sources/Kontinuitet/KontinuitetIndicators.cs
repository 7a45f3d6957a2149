using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

public static class KontinuitetIndicators
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new()
        {
            Id = "ko05l", Name = "Kontinuitetsindex läkare (Ko05L)", SourceId = KontinuitetSource.Id,
            Kind = IndicatorKind.Ratio, Aggregation = Aggregation.Snapshot, Better = Direction.Higher,
            PersonBased = false, Unit = "index 0–1",
            NumeratorText = "Summa kontinuitetsindex × antal patienter över kommunens vårdcentraler",
            DenominatorText = "Summa antal patienter i indexets bas",
            MonthlySql = """
                SELECT area, ref_month AS month, sum(kontinuitetsindex * antal_patienter) AS num, sum(antal_patienter) AS den
                FROM fact_kontinuitet WHERE current AND ref_month BETWEEN @from AND @to
                GROUP BY area, ref_month
                """,
        },
    ];
}
