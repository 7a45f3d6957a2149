using Omtanke.Core.Import;

namespace Omtanke.Core.Samples;

/// <summary>One event of a row-level source: its month, municipality and number there, and its own random numbers.</summary>
internal sealed record MonthlyEvent(DateOnly Month, DateOnly[] WorkingDays, string Kommunkod, int Number, SampleRandom Random);

internal static class MonthlyEvents
{
    /// <summary>
    /// Events that happen to a municipality's inhabitants at a rate per inhabitant and month (with the
    /// seasons), plus a few of one out-of-county municipality's. Each event has random numbers keyed by
    /// its month, municipality and number, so a month's events are the same in every delivery.
    /// </summary>
    public static IEnumerable<MonthlyEvent> Of(SampleOptions o, string purpose, double perInhabitant, string outOfCounty,
        double outOfCountyMean)
    {
        foreach (var month in o.EachMonth())
        {
            var days = SampleCalendar.WorkingDays(month);
            var means = Halland.Municipalities.Select(m => (m.Code, Mean: m.Population * perInhabitant))
                .Append((Code: outOfCounty, Mean: outOfCountyMean));
            foreach (var (kommunkod, mean) in means)
            {
                var code = int.Parse(kommunkod);
                var count = SampleRandom.For(o.Seed, purpose + "-count", month.DayNumber, code).Poisson(mean * o.Scale * Halland.Season(month));
                for (var i = 1; i <= count; i++)
                    yield return new MonthlyEvent(month, days, kommunkod, i, SampleRandom.For(o.Seed, purpose, month.DayNumber, code, i));
            }
        }
    }
}

/// <summary>SIP meetings, about 4 a month per 10 000 inhabitants, with the person when the register has them.</summary>
internal static class SipSamples
{
    public static SampleTable Table { get; } = new("sip",
        new("sip_id", CellKind.Text), new("kommunkod", CellKind.Text), new("datum", CellKind.Date),
        new("status", CellKind.Enum), new("malgrupp", CellKind.Enum), new("patient_id", CellKind.Text));

    private static readonly (string Status, double Weight)[] Statuses = [("genomford", 0.80), ("installd", 0.13), ("planerad", 0.07)];
    private static readonly (string Group, double Weight)[] Groups = [("barn_unga", 0.35), ("vuxna", 0.30), ("aldre", 0.35)];

    public static IEnumerable<object?[]> Rows(SampleOptions o)
    {
        // Now and then a SIP is held with Båstad (Skåne) for one of its residents.
        foreach (var (month, days, kommunkod, number, random) in MonthlyEvents.Of(o, Table.SourceId, 4.0 / 10_000, "1278", 0.3))
        {
            var group = random.PickWeighted(Groups);
            var age = group switch { "barn_unga" => random.Between(4, 20), "vuxna" => random.Between(21, 64), _ => random.Between(65, 97) };
            var birthYear = Halland.ReferenceYear - age;
            var person = PersonIds.Resident(kommunkod, birthYear, random.Below(PersonIds.CohortSize(kommunkod, birthYear, o.Scale)));
            yield return
            [
                $"SIP-{month:yyMM}-{kommunkod}-{number:D4}", kommunkod, random.Pick(days), random.PickWeighted(Statuses), group,
                random.Chance(0.85) ? person.Id : null,
            ];
        }
    }
}

/// <summary>A deviation or dispute as the case system holds it, with the day it was (or will be) answered.</summary>
internal sealed record Deviation(string Id, string Type, DateOnly Reported, string ReportedBy, string Receiver, string Category, DateOnly? Answered)
{
    /// <summary>The row as an extract taken on <paramref name="extracted"/> shows it: answers given later are not there yet.</summary>
    public object?[] Row(DateOnly extracted) =>
        [Id, Type, Reported, ReportedBy, Receiver, Category, Answered is { } a && a <= extracted ? a : null];

    /// <summary>A month's cases are extracted a few days after it ends.</summary>
    public static DateOnly ExtractedAfter(DateOnly month) => month.AddMonths(1).AddDays(4);
}

/// <summary>Deviations and disputes between the region and each municipality, per month.</summary>
internal static class AvvikelserSamples
{
    public static SampleTable Table { get; } = new("avvikelser",
        new("arende_id", CellKind.Text), new("typ", CellKind.Enum), new("rapporterad_datum", CellKind.Date),
        new("rapporterad_av", CellKind.Text), new("mottagare", CellKind.Text), new("kategori", CellKind.Enum),
        new("besvarad_datum", CellKind.Date));

    private static readonly (string, double)[] FromMunicipality =
        [("utskrivning", 35), ("informationsoverforing", 30), ("lakemedel", 15), ("hjalpmedel", 7), ("sip", 5), ("ovrigt", 8)];
    private static readonly (string, double)[] FromRegion =
        [("hemsjukvard", 30), ("informationsoverforing", 25), ("lakemedel", 20), ("sip", 8), ("utskrivning", 7), ("ovrigt", 10)];
    private static readonly (string, double)[] Disputes = [("betalningsansvar", 60), ("utskrivning", 20), ("ovrigt", 20)];

    /// <summary>About 0.12 cases a month per 1 000 inhabitants; Båstad (Skåne) now and then about its residents cared for in Halland.</summary>
    public static IEnumerable<Deviation> Cases(SampleOptions o)
    {
        foreach (var (month, days, kommunkod, number, random) in MonthlyEvents.Of(o, Table.SourceId, 0.12 / 1000, "1278", 0.15))
        {
            var dispute = random.Chance(0.06);
            var byRegion = random.Chance(dispute ? 0.5 : 0.55);
            var category = random.PickWeighted(dispute ? Disputes : byRegion ? FromRegion : FromMunicipality);
            var reported = random.Pick(days);
            // Most are answered within weeks, some after 60 days, about a quarter never.
            DateOnly? answered = random.Chance(dispute ? 0.85 : 0.74)
                ? reported.AddDays((int)Math.Min(365, random.LogNormal(dispute ? 30 : 16, 0.9))) : null;
            yield return new Deviation($"AVV-{month:yyMM}-{kommunkod}-{number:D4}", dispute ? "tvist" : "avvikelse", reported,
                byRegion ? KommunkodType.Region : kommunkod, byRegion ? kommunkod : KommunkodType.Region, category, answered);
        }
    }
}

/// <summary>
/// Physician visits in primary care for a sample of listed patients: the first few percent of each
/// birth cohort (more of the old, who visit more). A patient's health centre, own physician, visit rate
/// and any move or change of physician come from their own keyed random numbers, so months are
/// generated one at a time with nothing kept between them.
/// </summary>
internal static class LakarbesokSamples
{
    public static SampleTable Table { get; } = new("lakarbesok",
        new("besok_id", CellKind.Text), new("patient_id", CellKind.Text), new("kommunkod", CellKind.Text),
        new("vardcentral", CellKind.Text), new("lakare_id", CellKind.Text), new("besoksdatum", CellKind.Date));

    /// <summary>Out-of-county residents listed in Halland: Båstad's at Laholm's centres, Göteborg's at Kungsbacka's.</summary>
    private static readonly Dictionary<string, string> ListedAcrossTheBorder = new() { ["1278"] = "1381", ["1480"] = "1384" };

    private static readonly Dictionary<string, (HealthCentre Centre, double Size)[]> CentresByKommun =
        Halland.Municipalities.ToDictionary(m => m.Code, m => Halland.HealthCentres.Where(c => c.Kommunkod == m.Code).Select(c => (c, c.Size)).ToArray());

    private static double SampleShare(int age) => age switch { < 18 => 0.045, < 65 => 0.055, < 80 => 0.11, _ => 0.16 };

    public static IEnumerable<object?[]> Rows(SampleOptions o)
    {
        var cohorts = Cohorts(o).ToList();
        foreach (var month in o.EachMonth())
        {
            var days = SampleCalendar.WorkingDays(month);
            var monthIndex = (month.Year - o.FirstMonth.Year) * 12 + month.Month - o.FirstMonth.Month;
            var visitNumber = 0;
            foreach (var (kommunkod, birthYear, key, sampled) in cohorts)
            for (var k = 0L; k < sampled; k++)
            {
                var random = SampleRandom.For(o.Seed, "visits", key, k, month.DayNumber);
                var visits = random.Poisson(ListedPatient.MonthlyVisits(o, key, k, birthYear) * Halland.Season(month));
                // Most patients have no visit in a month: the rest of who they are is worked out only for those who do.
                if (visits == 0) continue;
                var patient = ListedPatient.Of(o, kommunkod, birthYear, key, k);
                for (var n = visits; n > 0; n--)
                {
                    var own = patient.OwnPhysician(monthIndex);
                    var physician = patient.Centre.Physicians == 1 || random.Chance(patient.Centre.OwnPhysicianChance) ? own
                        : (own + 1 + (int)random.Below(patient.Centre.Physicians - 1)) % patient.Centre.Physicians;
                    yield return
                    [
                        $"BES{month:yyyyMM}{++visitNumber:D7}", patient.Person.Id, patient.KommunkodIn(monthIndex), patient.Centre.Name,
                        patient.Centre.PhysicianId(physician), random.Pick(days),
                    ];
                }
            }
        }
    }

    /// <summary>The sampled people of each cohort: born before the first month's year, so born before any visit.</summary>
    private static IEnumerable<(string Kommunkod, int BirthYear, long Key, long Sampled)> Cohorts(SampleOptions o) =>
        from kommunkod in Halland.Municipalities.Select(m => m.Code).Concat(ListedAcrossTheBorder.Keys)
        from birthYear in Enumerable.Range(Halland.ReferenceYear - Halland.MaxAge, Halland.MaxAge + o.FirstMonth.Year - Halland.ReferenceYear)
        let share = SampleShare(Halland.ReferenceYear - birthYear) * (ListedAcrossTheBorder.ContainsKey(kommunkod) ? 0.03 : 1)
        select (kommunkod, birthYear, int.Parse(kommunkod) * 10_000L + birthYear,
            (long)Math.Round(PersonIds.CohortSize(kommunkod, birthYear, o.Scale) * share));

    private sealed record ListedPatient(Person Person, string Kommunkod, HealthCentre Centre,
        int Physician, int PhysicianChange, int NewPhysician, int Move, string NewKommunkod)
    {
        public int OwnPhysician(int monthIndex) => monthIndex >= PhysicianChange ? NewPhysician : Physician;
        public string KommunkodIn(int monthIndex) => monthIndex >= Move ? NewKommunkod : Kommunkod;

        /// <summary>Visits per month vary a lot between patients; the old visit more.</summary>
        public static double MonthlyVisits(SampleOptions o, long key, long k, int birthYear) =>
            SampleRandom.For(o.Seed, "visit-rate", key, k).LogNormal(0.16, 0.7) * (Halland.ReferenceYear - birthYear >= 65 ? 1.3 : 1);

        public static ListedPatient Of(SampleOptions o, string kommunkod, int birthYear, long key, long k)
        {
            var random = SampleRandom.For(o.Seed, "listed", key, k);
            var home = Halland.Municipalities.FirstOrDefault(m => m.Code == kommunkod);
            // A few are listed in a neighbouring municipality.
            var listedIn = home is null ? ListedAcrossTheBorder[kommunkod] : random.Chance(0.04) ? random.Pick(home.Neighbours) : kommunkod;
            var centre = random.PickWeighted(CentresByKommun[listedIn]);
            var physician = (int)random.Below(centre.Physicians);
            var never = o.Months;
            // Some change physician when theirs leaves; about one in a hundred moves to a neighbouring municipality.
            var change = random.Chance(0.15) ? (int)random.Below(o.Months) : never;
            var newPhysician = centre.Physicians == 1 ? physician : (physician + 1 + (int)random.Below(centre.Physicians - 1)) % centre.Physicians;
            var move = home is not null && random.Chance(0.012) ? (int)random.Below(o.Months) : never;
            return new ListedPatient(PersonIds.Resident(kommunkod, birthYear, k), kommunkod, centre, physician, change, newPhysician, move,
                home is null ? kommunkod : random.Pick(home.Neighbours));
        }
    }
}
