namespace Omtanke.Core.Samples;

/// <summary>
/// One inpatient stay, as both the slutenvard and the utskrivningsklara extracts describe it: a stay
/// with an utskrivningsklar notice has <see cref="ReadyForDischarge"/>.
/// </summary>
internal sealed record Stay(long Number, Person Patient, string Kommunkod, int Age, string Vardform, DateOnly Admitted,
    DateOnly Discharged, string Inskrivningssatt, string Utskrivningssatt, DateOnly? ReadyForDischarge, string Hospital, string Ward)
{
    public string Id => $"VT{Number:D8}";
}

/// <summary>
/// Simulates Halland's inpatient care day by day and yields the stays in order of discharge. New stays
/// arrive at rates by age and municipality; a discharged patient may come back: transferred the same
/// day, or readmitted within days or weeks, often acutely. Pending returns wait in a queue that holds
/// only the stays not yet ended (a few months ahead at most), so memory does not grow with the number
/// of months or stays. An instance runs once.
/// </summary>
internal sealed class StaySimulation(SampleOptions options)
{
    private const int WarmUpDays = 90;
    private const double AverageMonthDays = 30.44;
    private readonly SampleRandom _random = SampleRandom.For(options.Seed, "stays");
    private readonly PriorityQueue<Stay, (DateOnly Discharged, long Order)> _returns = new();
    private readonly Dictionary<int, long> _deceasedByBirthYear = [];
    private long _order;

    public IEnumerable<Stay> Run()
    {
        var areas = StayAreas.For(options.Scale);
        var number = 0L;
        for (var day = options.FirstMonth.AddDays(-WarmUpDays); day <= options.LastDay; day = day.AddDays(1))
        {
            var today = new List<Stay>();
            while (_returns.TryPeek(out _, out var due) && due.Discharged <= day) today.Add(_returns.Dequeue());
            var rate = Halland.Season(day) * Weekday(day) / AverageMonthDays;
            foreach (var area in areas)
                for (var n = _random.Poisson(area.MonthlyStays * rate); n > 0; n--)
                    today.Add(NewStay(area, day));
            foreach (var stay in today)
            {
                ScheduleReturn(stay);
                if (day >= options.FirstMonth) yield return stay with { Number = ++number };
            }
        }
    }

    /// <summary>Fewer patients go home at weekends; the weights average 1 over a week.</summary>
    private static double Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => 0.78,
        DayOfWeek.Sunday => 0.62,
        _ => 1.12,
    };

    private Stay NewStay(StayArea area, DateOnly discharged)
    {
        var age = area.DrawAge(_random);
        var psychiatric = _random.Chance(age < 18 ? 0.03 : age < 65 ? 0.11 : 0.02);
        var dies = _random.Chance(psychiatric ? 0.001 : age >= 80 ? 0.05 : age >= 65 ? 0.025 : 0.004);
        // Stays of children under one are left to the neonatal registers, so everyone is born before their stay.
        var birthYear = discharged.Year - age - (age < 2 ? 1 : 0);
        var person = dies ? PersonIds.Deceased(birthYear, _deceasedByBirthYear[birthYear] = _deceasedByBirthYear.GetValueOrDefault(birthYear) + 1)
            : PersonIds.Resident(area.Kommunkod, birthYear, _random.Below(PersonIds.CohortSize(area.Kommunkod, birthYear, options.Scale)));
        var planned = !dies && _random.Chance(psychiatric ? 0.12 : 0.25);
        return Compose(person, area.Kommunkod, psychiatric ? "psykiatri" : "somatik", planned ? "planerad" : "akut", dies,
            discharged, anchoredAtDischarge: true);
    }

    /// <summary>A transfer the same day (day 0), or a readmission 1–60 days later; the dead do not return.</summary>
    private void ScheduleReturn(Stay stay)
    {
        if (stay.Utskrivningssatt == "avliden") return;
        var psychiatric = stay.Vardform == "psykiatri";
        if (stay.Utskrivningssatt == "annan_vardenhet" && _random.Chance(0.5))
        {
            Enqueue(Compose(stay.Patient, stay.Kommunkod, stay.Vardform, _random.Chance(0.6) ? "planerad" : "akut", false,
                stay.Discharged, anchoredAtDischarge: false, transfer: true));
            return;
        }
        var chance = psychiatric ? 0.12 : stay.Age >= 80 ? 0.19 : stay.Age >= 65 ? 0.17 : 0.07;
        if (!_random.Chance(chance)) return;
        var gap = _random.NextDouble() switch
        {
            < 0.40 => _random.Between(1, 7),
            < 0.85 => _random.Between(8, 30),
            _ => _random.Between(31, 60),
        };
        // A few patients have moved, or are registered in a neighbouring municipality, when they return.
        var kommunkod = _random.Chance(0.03) && Halland.Municipalities.FirstOrDefault(m => m.Code == stay.Kommunkod) is { } home
            ? _random.Pick(home.Neighbours) : stay.Kommunkod;
        var vardform = _random.Chance(psychiatric ? 0.8 : 0.04) ? "psykiatri" : "somatik";
        Enqueue(Compose(stay.Patient, kommunkod, vardform, _random.Chance(0.9) ? "akut" : "planerad", false,
            stay.Discharged.AddDays(gap), anchoredAtDischarge: false));
    }

    private void Enqueue(Stay stay) => _returns.Enqueue(stay, (stay.Discharged, _order++));

    /// <summary>
    /// A stay anchored at its discharge (new stays, generated the day they end) or at its admission
    /// (returns). The days after utskrivningsklar are added to the medical days, as they are in reality.
    /// </summary>
    private Stay Compose(Person person, string kommunkod, string vardform, string inskrivningssatt, bool dies, DateOnly anchor,
        bool anchoredAtDischarge, bool transfer = false)
    {
        var psychiatric = vardform == "psykiatri";
        var ageNow = person.AgeAt(anchor);
        var medical = transfer ? 1 + _random.Geometric(5)
            : dies ? 1 + _random.Geometric(6)
            : psychiatric ? 2 + Math.Min(180, (int)_random.LogNormal(9, 0.9))
            : inskrivningssatt == "planerad" ? _random.Geometric(2)
            : 1 + Math.Min(60, _random.Geometric(3.2)) + (ageNow >= 80 ? _random.Geometric(1.5) : 0);
        var readyChance = psychiatric ? 0.22 : ageNow >= 80 ? 0.42 : ageNow >= 65 ? 0.19 : 0.025;
        int? readyDays = !dies && !transfer && _random.Chance(readyChance) ? ReadyDays(kommunkod, psychiatric) : null;
        var length = medical + (readyDays ?? 0);
        var admitted = anchoredAtDischarge ? anchor.AddDays(-length) : anchor;
        var discharged = admitted.AddDays(length);
        var age = person.AgeAt(admitted);
        return new Stay(0, person, kommunkod, age, vardform, admitted, discharged, inskrivningssatt,
            dies ? "avliden" : Destination(age, readyDays is not null),
            readyDays is { } d ? discharged.AddDays(-d) : null, Hospital(kommunkod), Ward(age, psychiatric));
    }

    /// <summary>
    /// Days from utskrivningsklar to discharge: mostly 0–3, with a tail that is longer where the
    /// municipality is slower, and much longer in psychiatry.
    /// </summary>
    private int ReadyDays(string kommunkod, bool psychiatric)
    {
        var slow = Halland.Municipalities.FirstOrDefault(m => m.Code == kommunkod)?.SlowDischarge ?? 1.0;
        var tail = (psychiatric ? 0.45 : 0.14) * slow;
        if (_random.Chance(tail)) return 4 + Math.Min(psychiatric ? 116 : 41, _random.Geometric((psychiatric ? 9 : 3.5) * slow));
        return _random.PickWeighted(psychiatric ? PsychiatricReadyDays : SomaticReadyDays);
    }

    private static readonly (int Days, double Weight)[] SomaticReadyDays = [(0, 0.40), (1, 0.25), (2, 0.13), (3, 0.08)];
    private static readonly (int Days, double Weight)[] PsychiatricReadyDays = [(0, 0.20), (1, 0.15), (2, 0.12), (3, 0.08)];

    private string Destination(int age, bool readyForDischarge)
    {
        var x = _random.NextDouble();
        if (readyForDischarge)
        {
            var toCareHome = age >= 80 ? 0.30 : 0.12;
            return x < toCareHome ? "sarskilt_boende" : x < 0.93 ? "hem" : "ovrigt";
        }
        return x < 0.83 ? "hem" : x < 0.93 ? "annan_vardenhet" : x < 0.96 && age >= 65 ? "sarskilt_boende" : "ovrigt";
    }

    private static string Hospital(string kommunkod) =>
        Halland.Municipalities.FirstOrDefault(m => m.Code == kommunkod)?.Hospital
        ?? (kommunkod is "1278" or "1280" ? Halland.HalmstadHospital : Halland.VarbergHospital);

    private string Ward(int age, bool psychiatric) =>
        psychiatric ? _random.PickWeighted(Halland.PsychiatricWards)
        : age < 18 ? Halland.ChildrensWard
        : _random.PickWeighted(age >= 75 ? Halland.GeriatricWards : Halland.SomaticWards);
}

/// <summary>Where new stays come from: a municipality, or an out-of-county code, with its stays per month by age.</summary>
internal sealed class StayArea(string kommunkod, double[] cumulativeByAge)
{
    public string Kommunkod { get; } = kommunkod;
    public double MonthlyStays => cumulativeByAge[^1];

    public int DrawAge(SampleRandom random)
    {
        var i = Array.BinarySearch(cumulativeByAge, random.NextDouble() * MonthlyStays);
        return Math.Clamp(i < 0 ? ~i : i, StayAreas.MinAge, Halland.MaxAge);
    }
}

internal static class StayAreas
{
    public const int MinAge = 1;

    /// <summary>New stays per inhabitant and month by age; returns add about a seventh, giving ~3 000 a month in Halland.</summary>
    private static double Rate(int age) => age switch
    {
        < 18 => 0.0031,
        < 45 => 0.0048,
        < 65 => 0.0075,
        < 80 => 0.0132,
        < 90 => 0.026,
        _ => 0.031,
    };

    /// <summary>Stays per month of residents of other counties, by code: a few, mostly from Båstad next door.</summary>
    private static readonly Dictionary<string, double> OutOfCountyStays = new() { ["1278"] = 10, ["1280"] = 4, ["1480"] = 6, ["1490"] = 4 };

    public static IReadOnlyList<StayArea> For(double scale)
    {
        var areas = Halland.Municipalities
            .Select(m => Area(m.Code, age => m.Population * scale * Halland.AgeShare(m, age) * Rate(age)))
            .ToList();
        foreach (var (code, monthly) in OutOfCountyStays)
        {
            var perCapita = Enumerable.Range(MinAge, Halland.MaxAge).Sum(a => Halland.AgeShare(null, a) * Rate(a));
            areas.Add(Area(code, age => monthly * scale * Halland.AgeShare(null, age) * Rate(age) / perCapita));
        }
        return areas;
    }

    private static StayArea Area(string kommunkod, Func<int, double> staysAtAge)
    {
        var cumulative = new double[Halland.MaxAge + 1];
        var sum = 0.0;
        for (var age = 0; age <= Halland.MaxAge; age++)
            cumulative[age] = sum += age < MinAge ? 0 : staysAtAge(age);
        return new StayArea(kommunkod, cumulative);
    }
}
