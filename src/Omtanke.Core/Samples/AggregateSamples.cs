namespace Omtanke.Core.Samples;

/// <summary>
/// The aggregate sources: one row per month (or year) and municipality or health centre. Each row comes
/// from its own keyed random numbers, so a row is the same in a monthly file, a quarterly file or a back-fill.
/// </summary>
internal static class AggregateSamples
{
    /// <summary>Months since January of the reference year: trends grow with it.</summary>
    public static int Trend(DateOnly month) => (month.Year - Halland.ReferenceYear) * 12 + month.Month - 1;

    public static double PopulationAt(Municipality m, DateOnly month) => m.PopulationIn(month.Year) * (1 + m.Growth * (month.Month - 12) / 12.0);
}

internal static class BefolkningSamples
{
    public static SampleTable Table { get; } = new("befolkning",
        new("ar", CellKind.Integer), new("kommunkod", CellKind.Text), new("antal_totalt", CellKind.Count),
        new("antal_65_plus", CellKind.Count), new("antal_80_plus", CellKind.Count));

    /// <summary>31 December of each year; the older population grows a little faster than the whole.</summary>
    public static IEnumerable<object?[]> Rows(SampleOptions o) =>
        from year in o.PopulationYears()
        from m in Halland.Municipalities
        let total = (int)Math.Round(m.PopulationIn(year) * o.Scale)
        let ageing = 0.002 * (year - Halland.ReferenceYear)
        select new object?[]
        {
            year, m.Code, total, (int)Math.Round(total * (m.Share65 + ageing)), (int)Math.Round(total * (m.Share80 + ageing / 2)),
        };
}

internal static class FastLakarkontaktSamples
{
    public static SampleTable Table { get; } = new("fast_lakarkontakt",
        new("period", CellKind.Month), new("kommunkod", CellKind.Text), new("grupp", CellKind.Enum),
        new("antal_personer", CellKind.Count), new("antal_med_fast_lakarkontakt", CellKind.Count));

    /// <summary>Shares with a named regular doctor at the start of the reference year: the whole population, and SäBo residents.</summary>
    private static readonly Dictionary<string, (double Population, double CareHomes)> Shares = new()
    {
        ["1315"] = (0.58, 0.86), ["1380"] = (0.44, 0.71), ["1381"] = (0.55, 0.78),
        ["1382"] = (0.50, 0.83), ["1383"] = (0.47, 0.66), ["1384"] = (0.41, 0.62),
    };

    public static IEnumerable<object?[]> Rows(SampleOptions o)
    {
        foreach (var month in o.EachMonth())
        foreach (var m in Halland.Municipalities)
        {
            var random = SampleRandom.For(o.Seed, Table.SourceId, month.DayNumber, int.Parse(m.Code));
            var t = AggregateSamples.Trend(month);
            var (population, careHomes) = Shares[m.Code];
            var persons = (int)Math.Round(AggregateSamples.PopulationAt(m, month) * o.Scale * (1 + 0.001 * random.Normal()));
            yield return Row(month, m.Code, "befolkning", persons,
                Math.Clamp(population + 0.004 * t + 0.006 * random.Normal(), 0.3, 0.8));
            var residents = (int)Math.Round(m.Population * o.Scale * 0.0078 * (1 + 0.01 * random.Normal()));
            yield return Row(month, m.Code, "sabo", residents,
                Math.Clamp(careHomes + 0.003 * t + 0.015 * random.Normal(), 0.5, 0.97));
        }
    }

    private static object?[] Row(DateOnly month, string kommunkod, string group, int persons, double share) =>
        [month, kommunkod, group, persons, (int)Math.Round(persons * share)];
}

internal static class KontinuitetSamples
{
    public static SampleTable Table { get; } = new("kontinuitet",
        new("period", CellKind.Month), new("vardcentral", CellKind.Text), new("kommunkod", CellKind.Text),
        new("antal_patienter", CellKind.Count), new("kontinuitetsindex", CellKind.Decimal));

    /// <summary>Ko05L follows how often a centre's patients meet their own physician, a little below it, slowly rising.</summary>
    public static IEnumerable<object?[]> Rows(SampleOptions o) =>
        from month in o.EachMonth()
        from centre in Halland.HealthCentres
        let random = SampleRandom.For(o.Seed, Table.SourceId, month.DayNumber, centre.Number)
        let patients = centre.Size * Halland.Municipality(centre.Kommunkod).Population * o.Scale * 0.30 * (1 + 0.02 * random.Normal())
        let index = Math.Clamp(centre.Continuity - 0.06 + 0.002 * AggregateSamples.Trend(month) + 0.025 * random.Normal(), 0.25, 0.85)
        select new object?[] { month, centre.Name, centre.Kommunkod, (int)Math.Round(patients), Math.Round((decimal)index, 2) };
}

internal static class HemsjukvardSamples
{
    public static SampleTable Table { get; } = new("hemsjukvard",
        new("period", CellKind.Month), new("kommunkod", CellKind.Text), new("inskrivna_manadens_slut", CellKind.Count),
        new("nya_inskrivningar", CellKind.Count), new("enstaka_hembesok", CellKind.Count));

    /// <summary>Enrolled in home health care at month end, as a share of the inhabitants.</summary>
    private static readonly Dictionary<string, double> Enrolled = new()
    {
        ["1315"] = 0.0142, ["1380"] = 0.0110, ["1381"] = 0.0135, ["1382"] = 0.0128, ["1383"] = 0.0121, ["1384"] = 0.0117,
    };

    public static IEnumerable<object?[]> Rows(SampleOptions o) =>
        from month in o.EachMonth()
        from m in Halland.Municipalities
        let random = SampleRandom.For(o.Seed, Table.SourceId, month.DayNumber, int.Parse(m.Code))
        let population = AggregateSamples.PopulationAt(m, month) * o.Scale
        let enrolled = population * Enrolled[m.Code] * (1 + 0.004 * AggregateSamples.Trend(month)) * (1 + 0.01 * random.Normal())
        let newlyEnrolled = enrolled * 0.085 * Halland.Season(month) * (1 + 0.08 * random.Normal())
        let singleVisits = population * 0.0024 * (1 + 0.1 * random.Normal())
        select new object?[]
        {
            month, m.Code, (int)Math.Round(enrolled), Math.Max(0, (int)Math.Round(newlyEnrolled)), Math.Max(0, (int)Math.Round(singleVisits)),
        };
}

internal static class PalliativSamples
{
    public static SampleTable Table { get; } = new("palliativ",
        new("period", CellKind.Month), new("kommunkod", CellKind.Text), new("antal_vantade_dodsfall", CellKind.Count),
        new("antal_brytpunktssamtal", CellKind.Count), new("antal_smartskattning", CellKind.Count));

    /// <summary>Shares of expected deaths with an end-of-life conversation, and with pain assessed in the last week.</summary>
    private static readonly Dictionary<string, (double Conversation, double PainAssessed)> Shares = new()
    {
        ["1315"] = (0.62, 0.84), ["1380"] = (0.71, 0.88), ["1381"] = (0.66, 0.80),
        ["1382"] = (0.74, 0.91), ["1383"] = (0.69, 0.86), ["1384"] = (0.64, 0.82),
    };

    /// <summary>About 1 % of the inhabitants die in a year, two thirds of them expected deaths.</summary>
    public static IEnumerable<object?[]> Rows(SampleOptions o)
    {
        foreach (var month in o.EachMonth())
        foreach (var m in Halland.Municipalities)
        {
            var random = SampleRandom.For(o.Seed, Table.SourceId, month.DayNumber, int.Parse(m.Code));
            var expected = random.Poisson(AggregateSamples.PopulationAt(m, month) * o.Scale * 0.0068 / 12 * Halland.Season(month));
            var (conversation, pain) = Shares[m.Code];
            var t = AggregateSamples.Trend(month);
            yield return
            [
                month, m.Code, expected, random.Binomial(expected, Math.Min(0.97, conversation + 0.003 * t)),
                random.Binomial(expected, Math.Min(0.99, pain + 0.002 * t)),
            ];
        }
    }
}
