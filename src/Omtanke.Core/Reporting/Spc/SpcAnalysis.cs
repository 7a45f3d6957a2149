using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// One month of a series: its value in the indicator's unit (null where disclosure control hides it),
/// for p- and u-charts its numerator and denominator, and whether it is preliminary (its underlying
/// data may still change).
/// </summary>
public sealed record SpcObservation(string Label, double? Value, double Numerator = 0, double Denominator = 0, bool Preliminary = false)
{
    public bool Hidden => Value is null;
}

/// <summary>
/// A month on the chart. Only a judged point (final, not hidden, in a series of at least
/// <see cref="SpcAnalysis.MinimumJudged"/> of them) has limits and a signal; a preliminary point is drawn
/// where it stands now, and a hidden one is drawn without its number (<see cref="Value"/> null).
/// </summary>
public sealed record SpcPoint(string Label, double? Value, bool Preliminary, bool Judged, double? Lower, double? Upper,
    bool InLongRun = false, SpcSignal Signal = SpcSignal.None)
{
    public bool Hidden => Value is null;
    public bool AboveUpper => Judged && Value > Upper;
    public bool BelowLower => Judged && Value < Lower;
    public bool OutsideLimits => AboveUpper || BelowLower;
    public bool IsSignal => Signal != SpcSignal.None;
}

/// <summary>
/// The analysis of a series: its chart, centre (null without any final, visible point), σz (p- and
/// u-charts with enough judged points) and points. <see cref="Runs"/> is null when the series has too
/// few judged points to be judged at all.
/// </summary>
public sealed record SpcResult(SpcChartKind Kind, double? Centre, double? SigmaZ, IReadOnlyList<SpcPoint> Points, AnhojResult? Runs)
{
    public bool Judged => Runs is not null;

    /// <summary>The series' signal: unusually few crossings of the centre; null when the series is not judged.</summary>
    public bool? FewCrossings => Runs?.FewCrossings;

    public SpcPoint? Point(string label) => Points.FirstOrDefault(p => p.Label == label);

    /// <summary>The limits of the latest judged point: what the process, as it runs now, is expected to stay within.</summary>
    public (double Lower, double Upper)? LatestLimits =>
        Points.LastOrDefault(p => p.Judged && p.Lower is not null) is { } p ? (p.Lower!.Value, p.Upper!.Value) : null;
}

/// <summary>
/// Statistical process control of one indicator series, as INDICATORS.md (Control charts) defines it.
/// The centre of a p- or u-chart is the pooled rate Σ numerator / Σ denominator (not a mean of rates,
/// which would weigh small months as much as large ones); each point's limits come from its own
/// denominator, widened by Laney's σz where the months vary more than the model allows. Only judged
/// points (final and not hidden) take part in the centre, the limits and the run rules: a preliminary
/// value would pull them towards a value that is not yet settled, and a hidden one must not show.
/// </summary>
public static class SpcAnalysis
{
    /// <summary>With fewer judged points the centre is too uncertain for limits and run rules to mean much.</summary>
    public const int MinimumJudged = 12;

    public static SpcResult Analyse(SpcChartKind kind, double factor, Direction better, IReadOnlyList<SpcObservation> observations)
    {
        var judgeable = observations
            .Where(o => !o.Preliminary && !o.Hidden && (kind == SpcChartKind.Run || o.Denominator > 0)).ToList();
        if (judgeable.Count == 0) return new SpcResult(kind, null, null, NotJudged(observations), null);

        var rate = kind == SpcChartKind.Run ? double.NaN : judgeable.Sum(o => o.Numerator) / judgeable.Sum(o => o.Denominator);
        var centre = kind == SpcChartKind.Run ? Median(judgeable.Select(o => o.Value!.Value)) : factor * rate;
        if (judgeable.Count < MinimumJudged) return new SpcResult(kind, centre, null, NotJudged(observations), null);

        var runs = AnhojRules.Apply(judgeable.Select(o => o.Value!.Value).ToList(), centre, out var judgedInLongRun);
        var inLongRun = judgeable.Zip(judgedInLongRun).ToDictionary(p => p.First, p => p.Second);
        if (kind == SpcChartKind.Run)
            return new SpcResult(kind, centre, null,
                observations.Select(o => Judge(o, inLongRun, null, null, centre, better)).ToList(), runs);

        var proportion = SpcChartKinds.IsProportion(kind);
        var sigmaZ = LaneyCorrection.SigmaZ(proportion, rate, judgeable.Select(o => (o.Numerator, o.Denominator)).ToList());
        var widening = sigmaZ is > 1 ? sigmaZ.Value : 1;
        var points = observations.Select(o =>
        {
            if (o.Hidden || o.Denominator <= 0) return Judge(o, inLongRun, null, null, centre, better);
            // With no model spread (every case an event, or none) σz is undefined and both limits are r.
            var spread = sigmaZ is null ? 0 : 3 * widening * LaneyCorrection.Sigma(proportion, rate, o.Denominator);
            var lower = Math.Max(0, rate - spread);
            var upper = proportion ? Math.Min(1, rate + spread) : rate + spread;
            return Judge(o, inLongRun, factor * lower, factor * upper, centre, better);
        }).ToList();
        return new SpcResult(sigmaZ is > 1 ? SpcChartKinds.Primed(kind) : kind, centre, sigmaZ, points, runs);
    }

    private static SpcPoint Judge(SpcObservation o, IReadOnlyDictionary<SpcObservation, bool> inLongRun, double? lower, double? upper,
        double centre, Direction better)
    {
        if (!inLongRun.TryGetValue(o, out var longRun)) return new SpcPoint(o.Label, o.Value, o.Preliminary, false, lower, upper);
        var value = o.Value!.Value;
        // A point on a limit is inside; a point on the centre is in no run and on neither side.
        var outside = value > upper || value < lower;
        var signal = outside || longRun ? SpcSignals.OnSide(AnhojRules.Side(value, centre), better) : SpcSignal.None;
        return new SpcPoint(o.Label, o.Value, o.Preliminary, true, lower, upper, longRun, signal);
    }

    private static List<SpcPoint> NotJudged(IEnumerable<SpcObservation> observations) =>
        observations.Select(o => new SpcPoint(o.Label, o.Value, o.Preliminary, false, null, null)).ToList();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
