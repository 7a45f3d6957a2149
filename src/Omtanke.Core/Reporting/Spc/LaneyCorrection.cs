namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// Laney's correction (Laney 2002, "Improved control charts for attributes"): with large denominators
/// the binomial or Poisson sigma is far smaller than the month-to-month variation of real processes, so
/// nearly every point falls outside a p- or u-chart's limits. Standardising each point,
/// zᵢ = (yᵢ − r)/σᵢ, and measuring the z-scores' own variation by their average moving range
/// (/ 1.128, as an individuals chart does) gives σz, the factor by which the model understates it.
/// </summary>
public static class LaneyCorrection
{
    /// <summary>d₂ for moving ranges of two: the expected range of two standard normal values.</summary>
    public const double D2 = 1.128;

    /// <summary>
    /// σz of points (numerator, denominator) in order around the pooled rate <paramref name="rate"/>;
    /// null where the model has no spread (r(1 − r) = 0 for a p-chart, r = 0 for a u-chart) or fewer
    /// than two points give no moving range.
    /// </summary>
    public static double? SigmaZ(bool proportion, double rate, IReadOnlyList<(double Numerator, double Denominator)> points)
    {
        if (points.Count < 2 || ModelVariance(proportion, rate) <= 0) return null;
        var z = points.Select(p => (p.Numerator / p.Denominator - rate) / Sigma(proportion, rate, p.Denominator)).ToList();
        return z.Zip(z.Skip(1), (a, b) => Math.Abs(b - a)).Average() / D2;
    }

    /// <summary>σᵢ of the unmodified chart: √(r(1 − r)/dᵢ) for a proportion, √(r/dᵢ) for a rate.</summary>
    public static double Sigma(bool proportion, double rate, double denominator) =>
        Math.Sqrt(ModelVariance(proportion, rate) / denominator);

    private static double ModelVariance(bool proportion, double rate) => proportion ? rate * (1 - rate) : rate;
}
