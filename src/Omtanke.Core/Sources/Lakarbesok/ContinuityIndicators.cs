using Omtanke.Core.Indicators;

namespace Omtanke.Core.Sources;

/// <summary>
/// Physician continuity computed from visits (Bice–Boxerman COC) over the 18 months ending with each
/// month, for patients with at least 3 visits in the window, attributed to the municipality of the
/// patient's latest visit in the window.
/// </summary>
public static class ContinuityIndicators
{
    public const int WindowMonths = 18;

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new()
        {
            Id = "ko05l_beraknad", Name = "Kontinuitetsindex läkare, beräknat per kommun", SourceId = LakarbesokSource.Id,
            Kind = IndicatorKind.Ratio, Aggregation = Aggregation.Snapshot, Better = Direction.Higher, Unit = "index 0–1",
            NumeratorText = $"Summa COC = (Σ nⱼ² − N) / (N(N − 1)) över patienter med minst 3 läkarbesök under de {WindowMonths} månader som slutar med månaden",
            DenominatorText = "Antal sådana patienter",
            // Visits are first counted per patient, physician and month, so each window sums small counts.
            MonthlySql = $"""
                WITH months AS (
                    SELECT generate_series(@from::date, @to::date, interval '1 month')::date AS month),
                per_month AS (
                    SELECT patient_key, lakare_id, ref_month, count(*) AS n
                    FROM fact_lakarbesok
                    WHERE current AND ref_month BETWEEN (@from::date - interval '{WindowMonths - 1} months')::date AND @to
                    GROUP BY patient_key, lakare_id, ref_month),
                per_physician AS (
                    SELECT m.month, p.patient_key, p.lakare_id, sum(p.n) AS n
                    FROM months m
                    JOIN per_month p ON p.ref_month BETWEEN (m.month - interval '{WindowMonths - 1} months')::date AND m.month
                    GROUP BY m.month, p.patient_key, p.lakare_id),
                per_patient AS (
                    SELECT month, patient_key, sum(n) AS visits, sum(n * n) AS squares
                    FROM per_physician GROUP BY month, patient_key HAVING sum(n) >= 3),
                latest_visit AS (
                    SELECT DISTINCT ON (m.month, v.patient_key) m.month, v.patient_key, v.kommunkod
                    FROM months m
                    JOIN fact_lakarbesok v ON v.current
                     AND v.ref_month BETWEEN (m.month - interval '{WindowMonths - 1} months')::date AND m.month
                    ORDER BY m.month, v.patient_key, v.besoksdatum DESC, v.besok_id COLLATE "C" DESC)
                SELECT l.kommunkod AS area, p.month,
                       sum((p.squares - p.visits)::numeric / (p.visits * (p.visits - 1))) AS num,
                       count(*) AS den
                FROM per_patient p JOIN latest_visit l USING (month, patient_key)
                GROUP BY l.kommunkod, p.month
                """,
            PreliminaryMonthsSql = $"""
                SELECT m.month::date FROM generate_series(@from::date, @to::date, interval '1 month') AS m(month)
                WHERE EXISTS (
                    SELECT 1 FROM generate_series(m.month - interval '{WindowMonths - 1} months', m.month, interval '1 month') AS w(month)
                    WHERE NOT EXISTS (SELECT 1 FROM fact_lakarbesok v WHERE v.current AND v.ref_month = w.month::date))
                """,
            LookAheadMonths = WindowMonths - 1,
        },
    ];
}
