using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

/// <summary>
/// The five utskrivningsklar indicators. d is the days from utskrivningsklar to discharge
/// (same day = 0); the municipality pays for every day beyond 3.
/// </summary>
public static class UtskrivningsklaraIndicators
{
    private const string D = "(utskrivningsdatum - utskrivningsklar_datum)";

    // What the indicators count; the breakdowns of the municipal extract count the same things, so that disclosure
    // control knows them for the same cells.
    public const string AllStays = "Alla vårdtillfällen";
    public const string StaysWithinThree = "Vårdtillfällen med d ≤ 3";
    public const string AllDays = "Summa dagar som utskrivningsklar (d) för alla vårdtillfällen";
    public const string PaymentDays = "Summa max(0, d − 3) för alla vårdtillfällen";
    public static string MeanDaysNumerator(string care) => $"Summa dagar som utskrivningsklar (d) för vårdtillfällen i {care} med d ≥ 1";
    public static string MeanDaysDenominator(string care) => $"Antal vårdtillfällen i {care} med d ≥ 1";

    private static string Monthly(string numerator, string denominator) => $"""
        SELECT area, ref_month AS month, {numerator} AS num, {denominator} AS den
        FROM fact_utskrivningsklara
        WHERE current AND ref_month BETWEEN @from AND @to
        GROUP BY area, ref_month
        """;

    /// <summary><paramref name="care"/> is the care form as Swedish prose ("somatisk vård"), <paramref name="vardform"/> its extract code.</summary>
    private static IndicatorDefinition MeanDays(string id, string name, string vardform, string care) => new()
    {
        Id = id,
        Name = name,
        SourceId = UtskrivningsklaraSource.Id,
        Kind = IndicatorKind.Ratio,
        Aggregation = Aggregation.Flow,
        Better = Direction.Lower,
        Unit = "dagar",
        NumeratorText = MeanDaysNumerator(care),
        DenominatorText = MeanDaysDenominator(care),
        MonthlySql = Monthly(
            $"sum({D}) FILTER (WHERE vardform = '{vardform}' AND {D} >= 1)",
            $"count(*) FILTER (WHERE vardform = '{vardform}' AND {D} >= 1)"),
    };

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        MeanDays("uk_medeldagar_somatik", "Medelantal dagar som utskrivningsklar, somatisk vård", "somatik", "somatisk vård"),
        MeanDays("uk_medeldagar_psykiatri", "Medelantal dagar som utskrivningsklar, psykiatrisk vård", "psykiatri", "psykiatrisk vård"),
        new()
        {
            Id = "uk_dagar_per_1000_65",
            Name = "Dagar som utskrivningsklar per 1 000 invånare 65+",
            SourceId = UtskrivningsklaraSource.Id,
            Kind = IndicatorKind.Ratio,
            Factor = 1000,
            Aggregation = Aggregation.Flow,
            Better = Direction.Lower,
            Unit = "dagar per 1 000",
            NumeratorText = AllDays,
            DenominatorText = "Invånare 65 år och äldre 31 december föregående år",
            MonthlySql = Monthly($"sum({D})", "NULL::bigint"),
            PopulationColumn = "antal_65_plus",
        },
        new()
        {
            Id = "uk_andel_inom_3",
            Name = "Andel utskrivna inom 3 dagar från utskrivningsklar",
            SourceId = UtskrivningsklaraSource.Id,
            Kind = IndicatorKind.Ratio,
            Factor = 100,
            Aggregation = Aggregation.Flow,
            Better = Direction.Higher,
            Unit = "procent",
            NumeratorText = StaysWithinThree,
            DenominatorText = AllStays,
            MonthlySql = Monthly($"count(*) FILTER (WHERE {D} <= 3)", "count(*)"),
        },
        new()
        {
            Id = "uk_betalningsdagar",
            Name = "Dagar med kommunalt betalningsansvar",
            SourceId = UtskrivningsklaraSource.Id,
            Kind = IndicatorKind.Count,
            Aggregation = Aggregation.Flow,
            Better = Direction.Lower,
            Unit = "dagar",
            NumeratorText = PaymentDays,
            MonthlySql = Monthly($"sum(greatest(0, {D} - 3))", "NULL::bigint"),
        },
    ];
}
