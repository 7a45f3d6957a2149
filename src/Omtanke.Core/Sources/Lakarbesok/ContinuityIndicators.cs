using Omtanke.Core.Indicators;
using Omtanke.Core.Import;

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
    /// The runs of months of equal continuity per patient, from the month <paramref name="fromMonth"/> on (an SQL
    /// date expression), for the <paramref name="patients"/>. A visit month m enters the window at m
    /// and leaves it at m + 18. Per physician, the count after each entry and after each leave comes from two
    /// window frames over one sort of the visits; the change of nⱼ² that each causes is summed per patient and
    /// month, and running sums over one sort of those steps give N and Σ nⱼ² month by month. Only the visits of
    /// the 17 months before <paramref name="fromMonth"/> and later can be in its windows, and every one of them is
    /// in the window of <paramref name="fromMonth"/> itself: their entries collapse into one step there per
    /// physician, its count then (nⱼ, so nⱼ² is the step's change), which is all that is needed from that month on;
    /// that physician's latest visit is in the last of those months, so the step carries that month's latest.
    /// The latest visit is the running maximum of a key that sorts as the tie rule says: the visit date, then the
    /// visit id byte by byte (a \x01 ends it, so a shorter id that is a prefix sorts first), then the kommunkod,
    /// which is always four digits and is read back from the key's end. <paramref name="windowStart"/> is
    /// <paramref name="fromMonth"/> less 17 months as a date, compared with each visit's month as it is scanned;
    /// <paramref name="when"/> a condition without columns that, when false, keeps the statement from running.
    /// Gives the rows of <c>lakarbesok_continuity</c>, column by column.
    /// </summary>
    private static string ContinuityRuns(PatientSet patients, string fromMonth, string windowStart, string when = "true") => $"""
        WITH {Visits(patients, windowStart)},
        physician_months AS (
            SELECT patient, lakare_id, m, count(*)::int AS c, max(latest) AS latest
            FROM visits GROUP BY patient, lakare_id, m),
        physician_counts AS (
            SELECT patient, m, c, latest, lead(m) OVER entering AS next_m,
                   sum(c) OVER entering AS entered,
                   coalesce(sum(c) OVER (PARTITION BY patient, lakare_id ORDER BY m
                                RANGE BETWEEN '1 month' FOLLOWING AND '{WindowMonths - 1} months' FOLLOWING), 0) AS left_behind
            FROM physician_months
            WINDOW entering AS (PARTITION BY patient, lakare_id ORDER BY m
                                RANGE BETWEEN '{WindowMonths - 1} months' PRECEDING AND CURRENT ROW)),
        -- Two steps from each physician month, entry and leave, as parallel arrays unnested in the select list: a
        -- LATERAL VALUES join costs a rescan per row (8 of 47 s), a UNION ALL a materialized copy of the counts.
        steps AS (
            SELECT patient,
                   unnest(ARRAY[CASE WHEN m > {fromMonth} THEN m
                                     WHEN next_m IS NULL OR next_m > {fromMonth} THEN {fromMonth} END,
                                (m + interval '{WindowMonths} months')::date]) AS at,
                   unnest(ARRAY[CASE WHEN m > {fromMonth} THEN c ELSE entered END::int, -c]) AS dn,
                   unnest(ARRAY[CASE WHEN m > {fromMonth} THEN entered * entered - (entered - c) * (entered - c)
                                     ELSE entered * entered END::int,
                                (left_behind * left_behind - (left_behind + c) * (left_behind + c))::int]) AS ds,
                   unnest(ARRAY[latest, NULL]) AS latest
            FROM physician_counts),
        patient_steps AS (
            SELECT patient, at, sum(dn)::int AS dn, sum(ds)::int AS ds, max(latest) AS latest
            FROM steps WHERE at IS NOT NULL GROUP BY patient, at),
        states AS (
            SELECT patient, at, lead(at) OVER p AS until,
                   sum(dn) OVER p AS visits, sum(ds) OVER p AS squares, max(latest) OVER p AS latest
            FROM patient_steps
            WINDOW p AS (PARTITION BY patient ORDER BY at))
        SELECT {patients.Key}, right(latest, 4) AS area, at AS first_month, until AS end_month, {Coc} AS coc
        FROM states {patients.KeyOfNumber}
        WHERE visits >= 3 AND {when}
        """;

    /// <summary>
    /// The same runs from the source's last month with data <paramref name="fromMonth"/> on, where no visit is later
    /// (the month a monthly delivery brings): from there on visits only leave the window, so each run is a suffix of
    /// the patient's visit months, and one sort per physician and one per patient suffice instead of two windows
    /// per physician and a sort of twice as many steps (13.2 against 17.1 s after a national month). Counting a
    /// physician's visits from the latest back, r = 1, 2, …, a visit adds r² − (r − 1)² = 2r − 1 to Σ nⱼ² of every
    /// window that holds it and all the physician's later visits; summed over the visits of the patient's months
    /// from the kth on, that is Σ nⱼ² of the windows [m_(k−1) + 18, m_k + 18). The latest visit of each of those
    /// windows is the patient's latest, in the last month. Gives the rows <see cref="ContinuityRuns"/> gives there.
    /// </summary>
    private static string ContinuityTail(PatientSet patients, string fromMonth, string windowStart, string when) => $"""
        WITH {Visits(patients, windowStart)},
        ranked AS (
            SELECT patient, m, latest,
                   row_number() OVER (PARTITION BY patient, lakare_id ORDER BY m DESC)::int AS r
            FROM visits),
        patient_months AS (
            SELECT patient, m, count(*)::int AS c, sum(2 * r - 1)::int AS d, max(latest) AS latest
            FROM ranked GROUP BY patient, m ORDER BY patient, m DESC),
        -- The suffixes as frames that grow from the latest month back: max has no inverse, so a frame that shrinks
        -- would take max over every row of it again (1.5–2 s of a national month).
        states AS (
            SELECT patient, m, lead(m) OVER p AS earlier,
                   sum(c) OVER p AS visits, sum(d) OVER p AS squares, max(latest) OVER p AS latest
            FROM patient_months
            WINDOW p AS (PARTITION BY patient ORDER BY m DESC ROWS UNBOUNDED PRECEDING))
        SELECT {patients.Key}, right(latest, 4) AS area,
               coalesce((earlier + interval '{WindowMonths} months')::date, {fromMonth}) AS first_month,
               (m + interval '{WindowMonths} months')::date AS end_month, {Coc} AS coc
        FROM states {patients.KeyOfNumber}
        WHERE visits >= 3 AND {when}
        """;

    /// <summary>Bice–Boxerman COC of a state with N = visits and Σ nⱼ² = squares (eligible: N ≥ 3).</summary>
    private const string Coc = "(squares - visits)::numeric / (visits * (visits - 1))";

    /// <summary>
    /// The current visits of the <paramref name="patients"/> from the month <paramref name="windowStart"/> on, each
    /// patient as <c>patient</c>, with the key of the tie rule as <c>latest</c> (see <see cref="ContinuityRuns"/>).
    /// </summary>
    private static string Visits(PatientSet patients, string windowStart) => $"""
        visits AS (
            SELECT {patients.VisitPatient} AS patient, v.lakare_id COLLATE "C" AS lakare_id, v.ref_month AS m,
                   (v.besoksdatum::text || v.besok_id || E'\x01' || v.kommunkod) COLLATE "C" AS latest
            FROM fact_lakarbesok v {patients.OfVisits}
            WHERE v.current AND v.ref_month >= {windowStart} AND {patients.Shard})
        """;

    /// <summary>
    /// Whose runs a statement computes and how it names them: <c>VisitPatient</c> is the column of a visit (alias
    /// <c>v</c>) that the runs are sorted and partitioned by, <c>OfVisits</c> what joins or filters the visits to the
    /// set, and <c>Key</c> and <c>KeyOfNumber</c> the select item and join that give a run's <c>patient_key</c> back.
    /// <c>Keys</c> are the patient keys a shard is told by: all of them, so that each table is cut down before the
    /// join (the planner does not carry the condition across the join's equality).
    /// </summary>
    private sealed record PatientSet(string VisitPatient, string OfVisits, string Key, string KeyOfNumber, string[] Keys)
    {
        public static PatientSet Everyone { get; } = new("v.patient_key", "", "patient AS patient_key", "", ["v.patient_key"]);

        /// <summary>The patients a delivery affects, by the numbers <c>lakarbesok_affected_patients</c> gives them.</summary>
        public static PatientSet Affected { get; } = new(
            "a.n", "JOIN lakarbesok_affected_patients a USING (patient_key)",
            "a.patient_key", "JOIN lakarbesok_affected_patients a ON a.n = states.patient", ["v.patient_key", "a.patient_key"]);

        /// <summary>The condition on a visit (and its patient) of being in the set's shard; all of the set by default.</summary>
        public string Shard { get; private init; } = "true";

        /// <summary>
        /// The patients of one of <see cref="Shards"/> shards, by their key's first byte: a patient key is a keyed hash,
        /// so the shards are of a size, and every visit and run of a patient falls in one shard. On the visits the
        /// condition is the partition key of a delivery's visits, word for word, so that a shard reads one partition of each.
        /// </summary>
        public PatientSet InShard(int shard) =>
            this with { Shard = string.Join(" AND ", Keys.Select(k => $"get_byte({k}, 0) % {Shards} = {shard}")) };
    }

    /// <summary>
    /// Sorted grouping keeps the order the next window needs, where hashing would sort the same rows again; the
    /// sorts (a few million rows of a delivery's patients) run faster in memory than spilled to disk; compiling
    /// the plan (JIT) costs more than it saves; the visit date sorts as text in ISO form. Workers cost nothing to
    /// start and pass rows on, as far as the planner knows: it guesses a third of the visits a month's window
    /// keeps, and with the default costs it then plans the refresh's scans and sorts without them. The leader only
    /// gathers: a shard's runs that the leader computed got parallel workers of their own, which took the cores from the
    /// other shard's, and the two ended seconds apart (a national month's runs 7.6 / 8.0 against 9.7 / 8.9 s).
    /// </summary>
    private const string PlanSettings =
        "SET LOCAL enable_hashagg = off; SET LOCAL work_mem = '1GB'; SET LOCAL jit = off; SET LOCAL datestyle = 'ISO, YMD'; " +
        "SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL parallel_leader_participation = off;";
    private const string DefaultSettings =
        "RESET enable_hashagg; RESET work_mem; RESET jit; RESET datestyle; RESET parallel_setup_cost; RESET parallel_tuple_cost; " +
        "RESET parallel_leader_participation;";

    private const string InsertIntoRuns = "INSERT INTO lakarbesok_continuity (patient_key, area, first_month, end_month, coc)";

    /// <summary>
    /// One shard of the patients for each of the two cores of the machines this runs on (DESIGN.md): each of two parallel
    /// workers computes one shard's runs (see <c>lakarbesok_runs_of</c>) while the leader gathers them; more shards would
    /// share the cores.
    /// Each delivery's partition of <c>fact_lakarbesok</c> has one for each (migrations 0119, 0120), which a shard's
    /// condition on the visits selects.
    /// </summary>
    private const int Shards = 2;

    /// <summary>
    /// Adds the runs <paramref name="runs"/> gives for the <paramref name="patients"/>, shard by shard in parallel
    /// processes. PostgreSQL 15 runs no part of an INSERT … SELECT in parallel, but it does the query of a CREATE
    /// TABLE … AS: computed into a temporary table first and then copied, a national month's runs took 20.1 s and
    /// 2.6 s, against 28.9 s inserted directly.
    /// </summary>
    private static string InsertRuns(PatientSet patients, Func<PatientSet, string> runs) => $"""
        CREATE TEMP TABLE new_runs ON COMMIT DROP AS
            {string.Join(" UNION ALL ", Enumerable.Range(0, Shards).Select(shard =>
                $"SELECT * FROM lakarbesok_runs_of($runs${runs(patients.InShard(shard))}$runs$)"))};
        {InsertIntoRuns} SELECT patient_key, area, first_month, end_month, coc FROM new_runs;
        DROP TABLE new_runs;
        """;

    /// <summary>
    /// Removes the affected patients' runs that reach past the affected month and puts back, cut off at that month, the
    /// part of them before it. The runs are found by a parallel join into a temporary table and deleted by their
    /// tuple ids (a Tid Scan) rather than joined again by a DELETE, which PostgreSQL 15 runs in one process: 3.0–3.9
    /// against 3.9–4.6 s after a national month. The ids stay valid until the DELETE: the refresh runs in the import's
    /// transaction, which holds the source's lock against other imports, and its read of the table holds off the
    /// TRUNCATE of a full recompute.
    /// </summary>
    private const string ReplaceRunsFromAffectedMonth = $"""
        CREATE TEMP TABLE replaced_runs ON COMMIT DROP AS
            SELECT c.ctid AS run, c.patient_key, c.area, c.first_month, c.coc
            FROM lakarbesok_continuity c JOIN lakarbesok_affected_patients a USING (patient_key)
            WHERE c.end_month > {AffectedFrom};
        DELETE FROM lakarbesok_continuity WHERE ctid = ANY (ARRAY(SELECT run FROM replaced_runs));
        {InsertIntoRuns} SELECT patient_key, area, first_month, {AffectedFrom}, coc FROM replaced_runs WHERE first_month < {AffectedFrom};
        DROP TABLE replaced_runs;
        """;

    /// <summary>Scalar subqueries, so the planner filters by their values where it scans rather than after a join.</summary>
    private const string AffectedFrom = "(SELECT month FROM lakarbesok_affected_from)";
    private const string WindowStart = "(SELECT window_start FROM lakarbesok_affected_from)";
    /// <summary>The refresh starts at the source's last month with data; a false gate keeps a plan from running.</summary>
    private const string AtLastMonth = "(SELECT at_last_month FROM lakarbesok_affected_from)";

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
                Name: "lakarbesok_continuity",
                RebuildSql: $"""
                    {PlanSettings}
                    TRUNCATE lakarbesok_continuity;
                    {InsertRuns(PatientSet.Everyone, everyone => ContinuityRuns(everyone, "'-infinity'::date", "'-infinity'::date"))}
                    {DefaultSettings}
                    """,
                // A delivery changes the windows from its first month on, for the patients whose visits in the slices it
                // delivered differ from those in the slices it replaced (a corrected month mostly repeats the visits it
                // replaces): their runs before that month stay (cut off at it), the rest is computed again.
                RefreshAfterDeliverySql: $"""
                    TRUNCATE lakarbesok_affected_patients, lakarbesok_affected_from RESTART IDENTITY;
                    INSERT INTO lakarbesok_affected_patients (patient_key)
                        SELECT DISTINCT coalesce(d.patient_key, r.patient_key)
                        FROM (SELECT patient_key, lakare_id, besoksdatum, besok_id, kommunkod
                              FROM fact_lakarbesok WHERE delivery_id = @delivery) AS d
                        FULL JOIN (SELECT f.patient_key, f.lakare_id, f.besoksdatum, f.besok_id, f.kommunkod
                                   FROM {Slices.SupersededRows("fact_lakarbesok", "f")}) AS r
                        ON (r.patient_key, r.lakare_id, r.besoksdatum, r.besok_id, r.kommunkod)
                         = (d.patient_key, d.lakare_id, d.besoksdatum, d.besok_id, d.kommunkod)
                        -- a visit on one side only: delivered anew, or replaced and gone
                        WHERE d.patient_key IS NULL OR r.patient_key IS NULL;
                    ANALYZE lakarbesok_affected_patients;
                    {PlanSettings}
                    INSERT INTO lakarbesok_affected_from (month, window_start, at_last_month)
                        SELECT month, (month - interval '{WindowMonths - 1} months')::date,
                               coalesce(month >= (SELECT max(month) FROM ({DataMonths.Of(LakarbesokSource.Id)}) AS d), false)
                        FROM (SELECT min(month) AS month FROM delivery_slices WHERE delivery_id = @delivery) AS delivered;
                    {ReplaceRunsFromAffectedMonth}
                    {InsertRuns(PatientSet.Affected, affected => ContinuityRuns(affected, AffectedFrom, WindowStart, $"NOT {AtLastMonth}"))}
                    {InsertRuns(PatientSet.Affected, affected => ContinuityTail(affected, AffectedFrom, WindowStart, AtLastMonth))}
                    {DefaultSettings}
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
