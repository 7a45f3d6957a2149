namespace Omtanke.Core.Reporting.Spc;

public static class Binomial
{
    /// <summary>
    /// The p-quantile of Binomial(trials, probability): the smallest x with P(X ≤ x) ≥ p, as R's qbinom.
    /// Summed exactly term by term; SPC series are far too short for 0.5^trials to underflow.
    /// </summary>
    public static int Quantile(double p, int trials, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trials, 1000);
        var term = Math.Pow(1 - probability, trials);
        var cumulative = term;
        var x = 0;
        // The small tolerance keeps exact ties (P(X ≤ x) = p) on the side qbinom puts them.
        while (cumulative < p * (1 - 1e-12) && x < trials)
        {
            term *= (trials - x) / (double)(x + 1) * probability / (1 - probability);
            cumulative += term;
            x++;
        }
        return x;
    }
}
