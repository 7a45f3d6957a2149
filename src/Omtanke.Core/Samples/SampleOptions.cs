namespace Omtanke.Core.Samples;

/// <summary>
/// What to generate: the months, the size relative to Region Halland (1 = Halland's real volumes; the
/// benchmark uses national-scale factors) and the seed that makes every run give the same rows.
/// </summary>
public sealed record SampleOptions
{
    /// <summary>The largest scale the personnummer-like ids have room for (about 150 Hallands, beyond Sweden).</summary>
    public const double MaxScale = PersonIds.MaxScale;

    public int Seed { get; init; } = 20240630;
    public double Scale { get; init; } = 1;
    public DateOnly FirstMonth { get; init; } = new(2023, 1, 1);
    public int Months { get; init; } = 18;

    public DateOnly LastMonth => FirstMonth.AddMonths(Months - 1);
    public DateOnly LastDay => LastMonth.AddMonths(1).AddDays(-1);

    public IEnumerable<DateOnly> EachMonth() => Enumerable.Range(0, Months).Select(FirstMonth.AddMonths);

    /// <summary>Population years: two before the first month's year (back data) up to the year before the last month.</summary>
    public IEnumerable<int> PopulationYears() =>
        Enumerable.Range(FirstMonth.Year - 2, LastMonth.Year - FirstMonth.Year + 2);

    public SampleOptions Validated()
    {
        if (Scale is not (> 0 and <= MaxScale))
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, $"The scale must be above 0 and at most {MaxScale}.");
        if (Months < 1) throw new ArgumentOutOfRangeException(nameof(Months), Months, "At least one month.");
        if (FirstMonth.Day != 1) throw new ArgumentException("FirstMonth must be the first day of a month.", nameof(FirstMonth));
        return this;
    }
}
