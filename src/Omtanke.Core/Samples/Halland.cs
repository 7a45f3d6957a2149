namespace Omtanke.Core.Samples;

/// <summary>A municipality as the samples need it: its size and age structure, and how its care differs.</summary>
/// <param name="Population">Inhabitants on 31 December of the reference year (2023).</param>
/// <param name="Growth">Yearly population growth.</param>
/// <param name="SlowDischarge">How much longer than average patients wait for the municipality after utskrivningsklar.</param>
/// <param name="Neighbours">Where a few residents are listed or cared for instead.</param>
internal sealed record Municipality(string Code, int Population, double Share65, double Share80, double Growth,
    double SlowDischarge, string Hospital, string[] Neighbours)
{
    public double PopulationIn(int year) => Population * Math.Pow(1 + Growth, year - Halland.ReferenceYear);
}

/// <summary>A health centre (vårdcentral) with its share of its municipality's listed patients.</summary>
/// <param name="Continuity">The centre's level of the Ko05L continuity index.</param>
internal sealed record HealthCentre(int Number, string Name, string Kommunkod, double Size, double Continuity, int Physicians)
{
    /// <summary>The chance that a visit is to the patient's own physician: the Bice–Boxerman index is about its square.</summary>
    public double OwnPhysicianChance => Math.Sqrt(Continuity);

    /// <summary>Pseudonymous physician ids, unique over all health centres: LK and five scrambled digits.</summary>
    public string PhysicianId(int index) => $"LK{(Number * 100 + index) * 7919L % 100000:D5}";
}

/// <summary>
/// The region the samples describe: Halland's six municipalities (sizes as at the end of 2023), its
/// hospitals, wards and health centres, and the neighbouring municipalities whose residents appear as
/// "utomläns" rows.
/// </summary>
internal static class Halland
{
    public const int ReferenceYear = 2023;
    public const string HalmstadHospital = "Hallands sjukhus Halmstad";
    public const string VarbergHospital = "Hallands sjukhus Varberg";

    public static IReadOnlyList<Municipality> Municipalities { get; } =
    [
        new("1315", 10_946, 0.225, 0.062, 0.003, 0.7, HalmstadHospital, ["1380", "1382"]),
        new("1380", 104_246, 0.190, 0.052, 0.009, 1.0, HalmstadHospital, ["1381", "1315"]),
        new("1381", 26_117, 0.235, 0.062, 0.007, 0.9, HalmstadHospital, ["1380"]),
        new("1382", 46_520, 0.215, 0.060, 0.008, 0.8, VarbergHospital, ["1383", "1380"]),
        new("1383", 67_313, 0.205, 0.056, 0.012, 1.1, VarbergHospital, ["1382", "1384"]),
        new("1384", 85_942, 0.200, 0.053, 0.011, 1.3, VarbergHospital, ["1383"]),
    ];

    /// <summary>Båstad, Malmö, Göteborg, Borås: residents of other counties cared for in Halland.</summary>
    public static IReadOnlyList<string> OutOfCounty { get; } = ["1278", "1280", "1480", "1490"];

    /// <summary>How many inhabitants an out-of-county code stands for when its residents are drawn.</summary>
    public const int OutOfCountyPopulation = 20_000;

    public static Municipality Municipality(string code) => Municipalities.First(m => m.Code == code);

    /// <summary>
    /// The share of a municipality's inhabitants who are <paramref name="age"/> years old: flat under 65,
    /// falling from 65 to 79, and falling faster from 80, scaled so that the 65+ and 80+ shares are the
    /// municipality's own.
    /// </summary>
    public static double AgeShare(Municipality? m, int age)
    {
        var share65 = m?.Share65 ?? 0.20;
        var share80 = m?.Share80 ?? 0.055;
        if (age < 65) return (1 - share65) / 65;
        if (age < 80) return (share65 - share80) * (1.15 - 0.025 * (age - 65)) / YoungOldWeight;
        return age > MaxAge ? 0 : share80 * Math.Exp(-(age - 80) / 6.0) / OldOldWeight;
    }

    public const int MaxAge = 104;

    private static readonly double YoungOldWeight = Enumerable.Range(65, 15).Sum(a => 1.15 - 0.025 * (a - 65));
    private static readonly double OldOldWeight = Enumerable.Range(80, MaxAge - 79).Sum(a => Math.Exp(-(a - 80) / 6.0));

    /// <summary>Seasons: more care in winter, less in July.</summary>
    public static double Season(DateOnly day) =>
        (1 + 0.08 * Math.Cos(2 * Math.PI * (day.Month - 1) / 12)) * (day.Month == 7 ? 0.85 : 1);

    public static IReadOnlyList<(string Ward, double Weight)> SomaticWards { get; } =
    [
        ("Medicinavdelning Öst", 3), ("Medicinavdelning Väst", 3), ("Akutvårdsavdelning, medicin", 2),
        ("Kirurgavdelning", 2), ("Ortopedavdelning", 2), ("Hjärtavdelning", 1.5), ("Strokeenhet", 1),
        ("Infektionsavdelning", 1),
    ];

    public const string ChildrensWard = "Barn- och ungdomsavdelning";

    public static IReadOnlyList<(string Ward, double Weight)> GeriatricWards { get; } =
        [("Geriatrisk avdelning", 4), ("Medicinavdelning Öst", 2), ("Ortopedavdelning", 1.5), ("Strokeenhet", 1)];

    public static IReadOnlyList<(string Ward, double Weight)> PsychiatricWards { get; } =
        [("Allmänpsykiatrisk avdelning", 3), ("Psykiatrisk intensivvårdsavdelning", 1), ("Äldrepsykiatrisk avdelning", 1)];

    public static IReadOnlyList<HealthCentre> HealthCentres { get; } = BuildHealthCentres(
    [
        ("Vårdcentralen Hyltebruk", "1315", 7, 0.62), ("Vårdcentralen Torup", "1315", 3, 0.71),
        ("Vårdcentralen Andersberg", "1380", 12, 0.41), ("Vårdcentralen Fammarp", "1380", 10, 0.55),
        ("Vårdcentralen Getinge", "1380", 6, 0.66), ("Vårdcentralen Söder", "1380", 14, 0.48),
        ("Vårdcentralen Oskarström", "1380", 6, 0.69), ("Capio Vårdcentral Halmstad", "1380", 12, 0.37),
        ("Vårdcentralen Laholm", "1381", 11, 0.52), ("Vårdcentralen Knäred", "1381", 3, 0.74),
        ("Vårdcentralen Mellbystrand", "1381", 5, 0.58),
        ("Vårdcentralen Falkenberg", "1382", 14, 0.46), ("Vårdcentralen Skrea", "1382", 8, 0.57),
        ("Vårdcentralen Ullared", "1382", 4, 0.72), ("Vårdcentralen Vessigebro", "1382", 3, 0.67),
        ("Vårdcentralen Väröbacka", "1383", 6, 0.64), ("Vårdcentralen Tvååker", "1383", 7, 0.60),
        ("Vårdcentralen Veddige", "1383", 5, 0.68), ("Vårdcentralen Håsten", "1383", 13, 0.44),
        ("Vårdcentralen Träslövsläge", "1383", 5, 0.61),
        ("Vårdcentralen Kungsbacka", "1384", 14, 0.39), ("Vårdcentralen Åsa", "1384", 6, 0.63),
        ("Vårdcentralen Onsala", "1384", 9, 0.54), ("Vårdcentralen Frillesås", "1384", 5, 0.70),
        ("Vårdcentralen Kolla", "1384", 10, 0.47), ("Vårdcentralen Särö", "1384", 6, 0.59),
    ]);

    /// <summary>Size is a share of its municipality's listed patients; bigger centres have more physicians.</summary>
    private static IReadOnlyList<HealthCentre> BuildHealthCentres((string Name, string Kommun, double Size, double Continuity)[] centres) =>
        centres.Select((c, i) =>
        {
            var share = c.Size / centres.Where(o => o.Kommun == c.Kommun).Sum(o => o.Size);
            var listed = share * Municipality(c.Kommun).Population;
            return new HealthCentre(i + 1, c.Name, c.Kommun, share, c.Continuity, Math.Clamp((int)Math.Round(listed / 1800), 3, 12));
        }).ToList();
}
