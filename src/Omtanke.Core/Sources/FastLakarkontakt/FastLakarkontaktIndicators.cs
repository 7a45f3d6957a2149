using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

public static class FastLakarkontaktIndicators
{
    // Filtering in WHERE, not in the aggregate: a municipality has data for a group only where it
    // delivered a row for that group.
    private static IndicatorDefinition Share(string id, string name, string grupp, string population) => new()
    {
        Id = id, Name = name, SourceId = FastLakarkontaktSource.Id,
        Kind = IndicatorKind.Ratio, Factor = 100, Aggregation = Aggregation.Snapshot, Better = Direction.Higher,
        Unit = "procent",
        NumeratorText = $"{population} med fast läkarkontakt vid månadens slut",
        DenominatorText = $"{population} vid månadens slut",
        MonthlySql = $"""
            SELECT area, ref_month AS month, sum(antal_med_fast_lakarkontakt) AS num, sum(antal_personer) AS den
            FROM fact_fast_lakarkontakt
            WHERE current AND grupp = '{grupp}' AND ref_month BETWEEN @from AND @to
            GROUP BY area, ref_month
            """,
    };

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        Share("flk_andel_befolkning", "Andel invånare med fast läkarkontakt", "befolkning", "Invånare"),
        Share("flk_andel_sabo", "Andel boende i särskilt boende med fast läkarkontakt", "sabo", "Boende i särskilt boende"),
    ];
}
