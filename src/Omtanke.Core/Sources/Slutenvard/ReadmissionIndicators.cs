using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

/// <summary>
/// Unplanned readmissions within 7 and 30 days among index stays of residents 65+: a somatic stay not
/// ending in death, followed by an acute somatic admission of the same patient 1…W days after discharge
/// (day 0 is a transfer), in any municipality, month or age.
/// </summary>
public static class ReadmissionIndicators
{
    private static IndicatorDefinition Within(int days) => new()
    {
        Id = $"ater_{days}_65",
        Name = $"Oplanerade återinskrivningar inom {days} dagar, 65+",
        SourceId = SlutenvardSource.Id,
        Kind = IndicatorKind.Ratio,
        Factor = 100,
        Aggregation = Aggregation.Flow,
        Better = Direction.Lower,
        Unit = "procent",
        NumeratorText = $"Indexvårdtillfällen följda av en oplanerad (akut) somatisk inskrivning av samma patient 1–{days} dagar efter utskrivning",
        DenominatorText = "Indexvårdtillfällen: somatisk vård, 65 år eller äldre, ej avliden vid utskrivning",
        // A hash join of the month's index stays with all acute somatic admissions: one pass, no per-stay lookups.
        MonthlySql = $"""
            WITH index_stays AS (
                SELECT delivery_id, line_no, area, ref_month, patient_key, utskrivningsdatum
                FROM fact_slutenvard
                WHERE current AND ref_month BETWEEN @from AND @to
                  AND vardform = 'somatik' AND alder >= 65 AND utskrivningssatt <> 'avliden'),
            readmitted AS (
                SELECT DISTINCT i.delivery_id, i.line_no
                FROM index_stays i
                JOIN fact_slutenvard r ON r.patient_key = i.patient_key
                WHERE r.current AND r.vardform = 'somatik' AND r.inskrivningssatt = 'akut'
                  AND r.inskrivningsdatum BETWEEN i.utskrivningsdatum + 1 AND i.utskrivningsdatum + {days})
            SELECT i.area, i.ref_month AS month, count(r.line_no) AS num, count(*) AS den
            FROM index_stays i LEFT JOIN readmitted r USING (delivery_id, line_no)
            GROUP BY i.area, i.ref_month
            """,
        // Preliminary while a month from the next up to that of (the month's last day + W) has no data.
        PreliminaryMonthsSql = $"""
            SELECT m.month::date FROM generate_series(@from::date, @to::date, interval '1 month') AS m(month)
            WHERE EXISTS (
                SELECT 1 FROM generate_series(m.month + interval '1 month',
                                              date_trunc('month', m.month + interval '1 month' - interval '1 day' + interval '{days} days'),
                                              interval '1 month') AS f(month)
                WHERE NOT {DataMonths.Has(SlutenvardSource.Id, "f.month::date")})
            """,
        // A delivered month changes the status of the months up to 2 before it; its stays can be readmissions
        // of index stays discharged up to W days before their admission, which may lie months earlier.
        LookBackMonths = 2,
        AffectedFromSql = $"""
            SELECT date_trunc('month', min(f.inskrivningsdatum) - {days})::date FROM fact_slutenvard f
            WHERE f.delivery_id = @delivery
               OR (f.delivery_id, f.ref_month, f.area) IN
                  (SELECT delivery_id, month, kommunkod FROM delivery_slices WHERE superseded_by = @delivery)
            """,
    };

    public static IReadOnlyList<IndicatorDefinition> All { get; } = [Within(30), Within(7)];
}
