using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

/// <summary>Deviations and disputes are about the collaboration, not persons: no disclosure control.</summary>
public static class AvvikelserIndicators
{
    private const int AnswerDays = 60;

    private static string Monthly(string numerator, string denominator = "NULL::bigint") => $"""
        SELECT area, ref_month AS month, {numerator} AS num, {denominator} AS den
        FROM fact_avvikelser WHERE current AND ref_month BETWEEN @from AND @to
        GROUP BY area, ref_month
        """;

    private static IndicatorDefinition Count(string id, string name, string filter, string text, Direction better) => new()
    {
        Id = id, Name = name, SourceId = AvvikelserSource.Id, Kind = IndicatorKind.Count, Aggregation = Aggregation.Flow,
        Better = better, PersonBased = false, Unit = "antal", NumeratorText = text,
        MonthlySql = Monthly($"count(*) FILTER (WHERE {filter})"),
    };

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        Count("avv_antal", "Avvikelser i samverkan", "typ = 'avvikelse'", "Ärenden av typen avvikelse", Direction.None),
        Count("avv_fran_kommun", "Avvikelser rapporterade av kommun", "typ = 'avvikelse' AND rapporterad_av <> 'region'",
            "Avvikelser som kommunen rapporterat", Direction.None),
        Count("avv_fran_region", "Avvikelser rapporterade av regionen", "typ = 'avvikelse' AND rapporterad_av = 'region'",
            "Avvikelser som regionen rapporterat", Direction.None),
        new()
        {
            Id = "avv_besvarade_60", Name = "Andel avvikelser besvarade inom 60 dagar", SourceId = AvvikelserSource.Id,
            Kind = IndicatorKind.Ratio, Factor = 100, Aggregation = Aggregation.Flow, Better = Direction.Higher,
            PersonBased = false, Unit = "procent",
            NumeratorText = $"Avvikelser besvarade högst {AnswerDays} dagar efter rapporteringen",
            DenominatorText = "Alla avvikelser",
            MonthlySql = Monthly(
                $"count(*) FILTER (WHERE typ = 'avvikelse' AND besvarad_datum - rapporterad_datum <= {AnswerDays})",
                "count(*) FILTER (WHERE typ = 'avvikelse')"),
            // Preliminary until the data reach 60 days past the month's end: answers may still come.
            PreliminaryMonthsSql = $"""
                SELECT m.month::date FROM generate_series(@from::date, @to::date, interval '1 month') AS m(month)
                WHERE (m.month + interval '1 month' - interval '1 day')::date + {AnswerDays}
                      > (SELECT max(rapporterad_datum) FROM fact_avvikelser WHERE current)
                """,
            LookBackMonths = 3,
        },
        Count("tvist_antal", "Tvister", "typ = 'tvist'", "Ärenden av typen tvist", Direction.Lower),
    ];
}
