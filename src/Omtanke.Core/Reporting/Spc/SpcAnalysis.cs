namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// One point of a series: its value in the indicator's unit, for p- and u-charts its numerator and
/// denominator, and whether it is preliminary (its underlying data may still change).
/// </summary>
public sealed record SpcObservation(string Label, double Value, double Numerator = 0, double Denominator = 0, bool Preliminary = false);

/// <summary>
/// A point on the chart with its limits (none on a run chart) and the signals it belongs to. A
/// preliminary point is drawn but not judged: its value is still expected to move (a readmission not yet
/// seen, a municipality not yet delivered), so where it lies says nothing about the process yet.
/// </summary>
public sealed record SpcPoint(string Label, double Value, double? Lower, double? Upper, bool InLongRun, bool Preliminary = false)
{
    public bool AboveUpper => !Preliminary && Upper is { } upper && Value > upper;
    public bool BelowLower => !Preliminary && Lower is { } lower && Value < lower;
    public bool OutsideLimits => AboveUpper || BelowLower;
    public bool IsSignal => OutsideLimits || InLongRun;
}

public sealed record SpcResult(SpcChartKind Kind, double Centre, IReadOnlyList<SpcPoint> Points, AnhojResult Runs)
{
    public SpcPoint? Point(string label) => Points.FirstOrDefault(p => p.Label == label);
}

/// <summary>
/// Statistical process control of one indicator series. The centre line of a p- or u-chart is the
/// pooled rate Σ numerator / Σ denominator (not a mean of rates, which would weigh small months as much
/// as large ones); each point's 3-sigma limits come from its own denominator, since a month with few
/// cases varies more. A run chart's centre is the median. Values and limits are in the indicator's
/// unit: a p- or u-chart's rate times <paramref name="factor"/>.
/// The centre, the limits and the run rules are computed from the final points only: a preliminary
/// point would pull them towards a value that is not yet settled, and it gets no signal of its own.
/// </summary>
public static class SpcAnalysis
{
    public static SpcResult Analyse(SpcChartKind kind, double factor, IReadOnlyList<SpcObservation> observations)
    {
        if (kind != SpcChartKind.Run && observations.Any(o => o.Denominator <= 0))
            throw new ArgumentException("Every point of a p- or u-chart needs a positive denominator.", nameof(observations));
        var finalIndex = Enumerable.Range(0, observations.Count).Where(i => !observations[i].Preliminary).ToList();
        var final = finalIndex.Select(i => observations[i]).ToList();
        if (final.Count == 0)
            return new SpcResult(kind, double.NaN,
                observations.Select(o => new SpcPoint(o.Label, o.Value, null, null, false, o.Preliminary)).ToList(),
                new AnhojResult(0, 0, 0, 0, 0));

        var rate = kind == SpcChartKind.Run ? double.NaN : final.Sum(o => o.Numerator) / final.Sum(o => o.Denominator);
        var centre = kind == SpcChartKind.Run ? Median(final.Select(o => o.Value)) : factor * rate;
        var runs = AnhojRules.Apply(final.Select(o => o.Value).ToList(), centre, out var finalInLongRun);
        var inLongRun = new bool[observations.Count];
        for (var k = 0; k < finalIndex.Count; k++) inLongRun[finalIndex[k]] = finalInLongRun[k];

        var points = observations.Select((o, i) =>
        {
            if (kind == SpcChartKind.Run) return new SpcPoint(o.Label, o.Value, null, null, inLongRun[i], o.Preliminary);
            var sigma = kind == SpcChartKind.P
                ? Math.Sqrt(rate * (1 - rate) / o.Denominator)
                : Math.Sqrt(rate / o.Denominator);
            var lower = Math.Max(0, rate - 3 * sigma);
            var upper = kind == SpcChartKind.P ? Math.Min(1, rate + 3 * sigma) : rate + 3 * sigma;
            return new SpcPoint(o.Label, o.Value, factor * lower, factor * upper, inLongRun[i], o.Preliminary);
        }).ToList();
        return new SpcResult(kind, centre, points, runs);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
