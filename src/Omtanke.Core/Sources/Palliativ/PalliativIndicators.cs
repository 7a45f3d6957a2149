using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

public static class PalliativIndicators
{
    private static IndicatorDefinition Share(string id, string name, string column, string text) => new()
    {
        Id = id, Name = name, SourceId = PalliativSource.Id, Kind = IndicatorKind.Ratio, Factor = 100,
        Aggregation = Aggregation.Flow, Better = Direction.Higher, Unit = "procent",
        NumeratorText = text, DenominatorText = "Väntade dödsfall",
        MonthlySql = $"""
            SELECT area, ref_month AS month, sum({column}) AS num, sum(antal_vantade_dodsfall) AS den
            FROM fact_palliativ WHERE current AND ref_month BETWEEN @from AND @to
            GROUP BY area, ref_month
            """,
    };

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        Share("pal_brytpunktssamtal", "Andel väntade dödsfall med brytpunktssamtal", "antal_brytpunktssamtal",
            "Väntade dödsfall där ett brytpunktssamtal hölls"),
        Share("pal_smartskattning", "Andel väntade dödsfall med smärtskattning sista levnadsveckan", "antal_smartskattning",
            "Väntade dödsfall med smärtskattning under sista levnadsveckan"),
    ];
}
