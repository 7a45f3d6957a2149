namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// The outcome of Anhøj's run rules on a series: a run is a sequence of points on the same side of the
/// centre line; a crossing is a step from one side to the other. Points on the centre line count in
/// neither, and n is the number of the other ("useful") points.
/// </summary>
public sealed record AnhojResult(int UsefulObservations, int LongestRun, int LongestRunLimit, int Crossings, int CrossingsLimit)
{
    /// <summary>An unusually long run: a sustained shift of the process.</summary>
    public bool LongRun => LongestRun > LongestRunLimit;

    /// <summary>Unusually few crossings: the process drifts rather than varies randomly around its centre.</summary>
    public bool FewCrossings => Crossings < CrossingsLimit;
}

/// <summary>
/// Anhøj's rules for non-random variation: the longest run is unusually long when it exceeds
/// round(log2 n) + 3, and the crossings unusually few when below the 5th percentile of
/// Binomial(n − 1, 0.5). Both limits keep the false-alarm rate near 5 % whatever the series length.
/// </summary>
public static class AnhojRules
{
    public static int LongestRunLimit(int usefulObservations) =>
        (int)Math.Round(Math.Log2(usefulObservations), MidpointRounding.AwayFromZero) + 3;

    public static int CrossingsLimit(int usefulObservations) => Binomial.Quantile(0.05, usefulObservations - 1, 0.5);

    /// <summary>Applies the rules; <paramref name="inLongRun"/> marks the points of every run longer than the limit.</summary>
    public static AnhojResult Apply(IReadOnlyList<double> values, double centre, out bool[] inLongRun)
    {
        inLongRun = new bool[values.Count];
        var useful = Enumerable.Range(0, values.Count).Where(i => Side(values[i], centre) != 0).ToList();
        if (useful.Count == 0) return new AnhojResult(0, 0, 0, 0, 0);

        // Runs as lists of point indices, in order.
        var runs = new List<List<int>>();
        foreach (var i in useful)
        {
            if (runs.Count == 0 || Side(values[runs[^1][0]], centre) != Side(values[i], centre)) runs.Add([]);
            runs[^1].Add(i);
        }
        var runLimit = LongestRunLimit(useful.Count);
        foreach (var i in runs.Where(r => r.Count > runLimit).SelectMany(r => r)) inLongRun[i] = true;
        return new AnhojResult(useful.Count, runs.Max(r => r.Count), runLimit, runs.Count - 1, CrossingsLimit(useful.Count));
    }

    /// <summary>
    /// Above (1), below (−1) or on (0) the centre line. A stored value and a pooled centre computed from
    /// the same figures may differ in the last bits, so "on" allows for rounding.
    /// </summary>
    public static int Side(double value, double centre) =>
        Math.Abs(value - centre) <= 1e-9 * Math.Max(1, Math.Abs(centre)) ? 0 : Math.Sign(value - centre);
}
