namespace Omtanke.Core.Samples;

/// <summary>
/// Deterministic pseudo-random numbers (SplitMix64). A generator is keyed by what its numbers are for
/// (<see cref="For"/>), so a value — one patient's visits in one month, one municipality's row of one
/// month — is the same whichever file it is written to and whatever was generated before it.
/// </summary>
internal sealed class SampleRandom(ulong state)
{
    private ulong _state = state;

    public static SampleRandom For(int seed, string purpose, long a = 0, long b = 0, long c = 0)
    {
        var h = Mix((ulong)seed ^ Fnv(purpose));
        h = Mix(h ^ (ulong)a);
        h = Mix(h ^ (ulong)b);
        return new SampleRandom(Mix(h ^ (ulong)c));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public long Below(long max) => max <= 0 ? 0 : (long)(NextDouble() * max);

    public int Between(int min, int maxInclusive) => min + (int)Below(maxInclusive - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    public double Normal()
    {
        var u = 1.0 - NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * NextDouble());
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Days, weeks, visits: 0, 1, 2 … with the given mean.</summary>
    public int Geometric(double mean) =>
        mean <= 0 ? 0 : (int)Math.Floor(Math.Log(1.0 - NextDouble()) / Math.Log(mean / (mean + 1)));

    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        // Knuth's product method is exact but slow for large means; there the normal approximation is close enough.
        if (mean > 40) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = NextDouble(); p > limit; p *= NextDouble()) k++;
        return k;
    }

    /// <summary>Successes in n trials; a normal approximation where n is large.</summary>
    public int Binomial(int n, double p)
    {
        if (n > 1000) return Math.Clamp((int)Math.Round(n * p + Math.Sqrt(n * p * (1 - p)) * Normal()), 0, n);
        var k = 0;
        for (var i = 0; i < n; i++) if (NextDouble() < p) k++;
        return k;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[(int)Below(items.Count)];

    public T PickWeighted<T>(IReadOnlyList<(T Item, double Weight)> weighted)
    {
        var total = 0.0;
        foreach (var (_, w) in weighted) total += w;
        var x = NextDouble() * total;
        foreach (var (item, w) in weighted)
            if ((x -= w) < 0) return item;
        return weighted[^1].Item;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a: string.GetHashCode differs between processes, this does not.</summary>
    private static ulong Fnv(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s) h = (h ^ ch) * 1099511628211UL;
        return h;
    }
}
