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

    /// <summary>
    /// A full rebuild takes the patients in this many groups, so each group's sorts fit in memory instead of
    /// spilling to disk; a patient's runs depend on that patient's visits only.
    /// </summary>
    private const int RebuildChunks = 16;

    /// <summary>
    /// The runs of months of equal continuity per patient (of those the join keeps). A visit month m enters the
    /// window at m and leaves it at m + 18; summing these steps per physician gives each nⱼ, and their squares'
    /// changes summed per patient give Σ nⱼ² — without expanding every visit into every window.
    /// </summary>
    private static string ContinuityRuns(string patientRows) => $"""
        WITH visits AS (
            SELECT v.patient_key, v.lakare_id, v.ref_month, v.besoksdatum, v.besok_id, v.kommunkod
            FROM fact_lakarbesok v {patientRows} AND v.current),
        counts AS (
            SELECT patient_key, lakare_id, ref_month AS m, count(*) AS c FROM visits GROUP BY 1, 2, 3),
        physician_steps AS (
            SELECT patient_key, lakare_id, at, sum(dc) AS dc
            FROM (SELECT patient_key, lakare_id, m AS at, c AS dc FROM counts
                  UNION ALL
                  SELECT patient_key, lakare_id, (m + interval '{WindowMonths} months')::date, -c FROM counts) AS d
            GROUP BY 1, 2, 3),
        physician_running AS (
            SELECT patient_key, at, dc, sum(dc) OVER (PARTITION BY patient_key, lakare_id ORDER BY at) AS n
            FROM physician_steps),
        patient_steps AS (
            SELECT patient_key, at, sum(dc) AS dn, sum(n * n - (n - dc) * (n - dc)) AS ds
            FROM physician_running GROUP BY 1, 2),
        last_visit AS (
            SELECT DISTINCT ON (patient_key, ref_month) patient_key, ref_month AS m, kommunkod
            FROM visits ORDER BY patient_key, ref_month, besoksdatum DESC, besok_id COLLATE "C" DESC),
        states AS (
            SELECT s.patient_key, s.at, lead(s.at) OVER p AS until,
                   sum(s.dn) OVER p AS visits, sum(s.ds) OVER p AS squares, max(l.m) OVER p AS last_month
            FROM patient_steps s LEFT JOIN last_visit l ON l.patient_key = s.patient_key AND l.m = s.at
            WINDOW p AS (PARTITION BY s.patient_key ORDER BY s.at))
        INSERT INTO lakarbesok_continuity (patient_key, area, first_month, end_month, coc)
        SELECT st.patient_key, l.kommunkod, st.at, st.until, (st.squares - st.visits)::numeric / (st.visits * (st.visits - 1))
        FROM states st JOIN last_visit l ON l.patient_key = st.patient_key AND l.m = st.last_month
        WHERE st.visits >= 3;
        """;

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new()
        {
            Id = "ko05l_beraknad", Name = "Kontinuitetsindex läkare, beräknat per kommun", SourceId = LakarbesokSource.Id,
            Kind = IndicatorKind.Ratio, Aggregation = Aggregation.Snapshot, Better = Direction.Higher, Unit = "index 0–1",
            NumeratorText = $"Summa COC = (Σ nⱼ² − N) / (N(N − 1)) över patienter med minst 3 läkarbesök under de {WindowMonths} månader som slutar med månaden",
            DenominatorText = "Antal sådana patienter",
            MonthlySql = """
                SELECT area, month::date AS month, sum(coc) AS num, sum(patients) AS den
                FROM (SELECT area, greatest(first_month, @from::date) AS first_month,
                             least(end_month, (@to::date + interval '1 month')::date) AS end_month,
                             sum(coc) AS coc, count(*) AS patients
                      FROM lakarbesok_continuity
                      WHERE first_month <= @to AND end_month > @from
                      GROUP BY 1, 2, 3) AS runs
                CROSS JOIN LATERAL generate_series(first_month, end_month - interval '1 month', interval '1 month') AS month
                GROUP BY area, month
                """,
            Derived = new DerivedTable(
                RebuildSql: "SET LOCAL work_mem = '256MB'; TRUNCATE lakarbesok_continuity; " + string.Concat(
                    Enumerable.Range(0, RebuildChunks).Select(chunk => ContinuityRuns($"WHERE get_byte(v.patient_key, 0) % {RebuildChunks} = {chunk}"))),
                RefreshAfterDeliverySql: $"""
                    CREATE TEMP TABLE affected_patients ON COMMIT DROP AS
                        SELECT patient_key FROM fact_lakarbesok WHERE delivery_id = @delivery
                        UNION
                        SELECT f.patient_key FROM delivery_slices s
                        JOIN fact_lakarbesok f ON f.delivery_id = s.delivery_id AND f.ref_month = s.month AND f.area = s.kommunkod
                        WHERE s.superseded_by = @delivery;
                    DELETE FROM lakarbesok_continuity c USING affected_patients a WHERE c.patient_key = a.patient_key;
                    {ContinuityRuns("JOIN affected_patients USING (patient_key) WHERE true")}
                    DROP TABLE affected_patients;
                    """),
            PreliminaryMonthsSql = $"""
                SELECT m.month::date FROM generate_series(@from::date, @to::date, interval '1 month') AS m(month)
                WHERE EXISTS (
                    SELECT 1 FROM generate_series(m.month - interval '{WindowMonths - 1} months', m.month, interval '1 month') AS w(month)
                    WHERE NOT {DataMonths.Has(LakarbesokSource.Id, "w.month::date")})
                """,
            LookAheadMonths = WindowMonths - 1,
        },
    ];
}
