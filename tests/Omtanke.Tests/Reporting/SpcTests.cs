using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Sources;

namespace Omtanke.Tests.Reporting;

/// <summary>SPC against worked examples computed by hand; the arithmetic is in the comments.</summary>
public sealed class SpcTests
{
    private const double Tolerance = 1e-6;

    [Test]
    public void A_p_chart_pools_the_rate_and_flags_a_point_above_its_limit()
    {
        // Five months of 100 stays: 10, 10, 10, 10 and 30 events. p̄ = 70 / 500 = 0.14.
        // σ = √(0.14 · 0.86 / 100) = √0.001204 = 0.0346987; 3σ = 0.1040961.
        // UCL = 0.2440961, LCL = 0.0359039; in percent 24.40961 and 3.59039. 30 % is above.
        var observations = new[] { 10, 10, 10, 10, 30 }
            .Select((events, i) => new SpcObservation($"m{i}", events, events, 100)).ToList();
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, observations);

        Assert.That(result.Centre, Is.EqualTo(14).Within(Tolerance));
        Assert.That(result.Points[0].Upper, Is.EqualTo(24.40961).Within(1e-4));
        Assert.That(result.Points[0].Lower, Is.EqualTo(3.59039).Within(1e-4));
        Assert.That(result.Points.Select(p => p.AboveUpper), Is.EqualTo(new[] { false, false, false, false, true }));
        Assert.That(result.Points.Any(p => p.BelowLower), Is.False);
        Assert.That(result.Runs.LongRun || result.Runs.FewCrossings, Is.False, "five points cannot show a run signal");
    }

    [Test]
    public void A_p_chart_takes_each_points_limits_from_its_own_denominator()
    {
        // 2/10, 3/10, 5/20, 10/20: p̄ = 20/60 = 1/3.
        // n = 10: σ = √(1/3 · 2/3 / 10) = 0.1490712, 3σ = 0.4472136: UCL 0.7805469, LCL −0.1138803 → 0.
        // n = 20: σ = √(1/3 · 2/3 / 20) = 0.1054093, 3σ = 0.3162278: UCL 0.6495611, LCL 0.0171056.
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100,
        [
            new("a", 20, 2, 10), new("b", 30, 3, 10), new("c", 25, 5, 20), new("d", 50, 10, 20),
        ]);

        Assert.That(result.Centre, Is.EqualTo(100.0 / 3).Within(Tolerance));
        Assert.That(result.Points[0].Upper, Is.EqualTo(78.05469).Within(1e-4));
        Assert.That(result.Points[0].Lower, Is.EqualTo(0));
        Assert.That(result.Points[3].Upper, Is.EqualTo(64.95611).Within(1e-4));
        Assert.That(result.Points[3].Lower, Is.EqualTo(1.71056).Within(1e-4));
        Assert.That(result.Points.Any(p => p.IsSignal) || result.Runs.FewCrossings, Is.False);
    }

    [Test]
    public void A_u_chart_of_days_per_stay_uses_the_poisson_sigma()
    {
        // 40 days / 10 stays, 50 / 10, 60 / 20: ū = 150 / 40 = 3.75.
        // n = 10: σ = √(3.75 / 10) = 0.6123724, 3σ = 1.8371173: limits 1.9128827 … 5.5871173.
        // n = 20: σ = √(3.75 / 20) = 0.4330127, 3σ = 1.2990381: limits 2.4509619 … 5.0490381.
        var result = SpcAnalysis.Analyse(SpcChartKind.U, 1, [new("a", 4, 40, 10), new("b", 5, 50, 10), new("c", 3, 60, 20)]);

        Assert.That(result.Centre, Is.EqualTo(3.75).Within(Tolerance));
        Assert.That(result.Points[0].Lower, Is.EqualTo(1.9128827).Within(1e-6));
        Assert.That(result.Points[0].Upper, Is.EqualTo(5.5871173).Within(1e-6));
        Assert.That(result.Points[2].Lower, Is.EqualTo(2.4509619).Within(1e-6));
        Assert.That(result.Points[2].Upper, Is.EqualTo(5.0490381).Within(1e-6));
        Assert.That(result.Points.Any(p => p.OutsideLimits), Is.False);
    }

    [Test]
    public void A_u_chart_of_a_population_rate_is_scaled_by_the_factor()
    {
        // 30 and 50 days per 10 000 inhabitants, per 1 000: ū = 80 / 20 000 = 0.004.
        // σ = √(0.004 / 10 000) = 0.000632456, 3σ = 0.001897367: limits 0.002102633 … 0.005897367,
        // times 1 000: 2.102633 … 5.897367; the centre is 4.
        var result = SpcAnalysis.Analyse(SpcChartKind.U, 1000, [new("a", 3, 30, 10000), new("b", 5, 50, 10000)]);

        Assert.That(result.Centre, Is.EqualTo(4).Within(Tolerance));
        Assert.That(result.Points[1].Lower, Is.EqualTo(2.102633).Within(1e-6));
        Assert.That(result.Points[1].Upper, Is.EqualTo(5.897367).Within(1e-6));
    }

    [Test]
    public void A_run_chart_centres_on_the_median_and_signals_too_few_crossings()
    {
        // 1 … 12 rising: median (6 + 7) / 2 = 6.5; six points below, six above.
        // n = 12: longest run 6, limit round(log2 12 = 3.585) + 3 = 7, no long run.
        // One crossing; the limit is qbinom(0.05, 11, 0.5) = 3 since P(X ≤ 2) = 67/2048 = 0.033 and
        // P(X ≤ 3) = 232/2048 = 0.113: 1 < 3 signals.
        var result = SpcAnalysis.Analyse(SpcChartKind.Run, 1,
            Enumerable.Range(1, 12).Select(v => new SpcObservation($"m{v}", v)).ToList());

        Assert.That(result.Centre, Is.EqualTo(6.5));
        Assert.That(result.Points.All(p => p.Lower is null && p.Upper is null), Is.True);
        Assert.That(result.Runs, Is.EqualTo(new AnhojResult(12, 6, 7, 1, 3)));
        Assert.That(result.Runs.LongRun, Is.False);
        Assert.That(result.Runs.FewCrossings, Is.True);
    }

    [Test]
    public void A_run_longer_than_the_limit_is_flagged_and_points_on_the_centre_line_do_not_count()
    {
        // Centre 0; the last point is on it, so n = 13: limit round(log2 13 = 3.70) + 3 = 7.
        // Runs: −, +, −, nine +, −: the longest is 9 > 7, its points (indices 3–11) are flagged.
        // Five runs give 4 crossings; the limit qbinom(0.05, 12, 0.5) = 3 (P(X ≤ 2) = 79/4096 = 0.019,
        // P(X ≤ 3) = 299/4096 = 0.073), and 4 is not below it.
        double[] values = [-1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, 0];
        var runs = AnhojRules.Apply(values, 0, out var inLongRun);

        Assert.That(runs, Is.EqualTo(new AnhojResult(13, 9, 7, 4, 3)));
        Assert.That(runs.LongRun, Is.True);
        Assert.That(runs.FewCrossings, Is.False);
        Assert.That(Enumerable.Range(0, values.Length).Where(i => inLongRun[i]), Is.EqualTo(Enumerable.Range(3, 9)));
    }

    [Test]
    public void A_preliminary_point_is_drawn_but_neither_moves_the_centre_and_limits_nor_signals()
    {
        // Twelve final months of 100 stays alternating 8 and 12 events: p̄ = 120 / 1 200 = 0.10, whatever
        // the preliminary 13th month (0 of 100, its readmissions not yet seen) holds.
        // σ = √(0.1 · 0.9 / 100) = 0.03, 3σ = 0.09: limits 1 % … 19 %. 0 % lies below, but is not judged.
        // n = 12 final points, 11 crossings, longest run 1: no run signal either.
        var observations = Enumerable.Range(0, 12)
            .Select(i => new SpcObservation($"m{i}", i % 2 == 0 ? 8 : 12, i % 2 == 0 ? 8 : 12, 100))
            .Append(new SpcObservation("m12", 0, 0, 100, Preliminary: true))
            .ToList();
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, observations);
        var preliminary = result.Point("m12")!;

        Assert.That(result.Centre, Is.EqualTo(10).Within(Tolerance));
        Assert.That(result.Runs, Is.EqualTo(new AnhojResult(12, 1, 7, 11, 3)));
        Assert.That(preliminary.Preliminary, Is.True);
        Assert.That(preliminary.Lower, Is.EqualTo(1).Within(Tolerance), "drawn against the final points' limits");
        Assert.That(preliminary.BelowLower || preliminary.IsSignal, Is.False);
        Assert.That(result.Points.Any(p => p.IsSignal), Is.False);
        Assert.That(SpcSignalText.At(result, "m12"), Is.Empty);

        // The same month as final is a signal: 120 / 1 300 pools to p̄ = 0.0923, LCL = 0.55 %, and 0 % is below it.
        var final = SpcAnalysis.Analyse(SpcChartKind.P, 100, [.. observations[..12], observations[12] with { Preliminary = false }]);
        Assert.That(final.Centre, Is.EqualTo(1200.0 / 130).Within(Tolerance));
        Assert.That(SpcSignalText.At(final, "m12"), Is.EqualTo(new[] { SpcSignalText.Below }));
    }

    [Test]
    public void Preliminary_points_are_left_out_of_the_median_and_run_rules_and_a_quarter_of_only_preliminary_months_has_no_signals()
    {
        // A run chart of 12 final months 1 … 12 (median 6.5, one crossing: too few, as above) followed by
        // three preliminary months of 40. Counted, they would move the median to 8 (the 8th of 15 sorted
        // values) and make n = 14; left out, the rules see the final twelve only.
        var observations = Enumerable.Range(1, 12).Select(v => new SpcObservation($"2024-{v:00}", v))
            .Concat([new SpcObservation("2025-01", 40, Preliminary: true), new SpcObservation("2025-02", 40, Preliminary: true),
                new SpcObservation("2025-03", 40, Preliminary: true)])
            .ToList();
        var result = SpcAnalysis.Analyse(SpcChartKind.Run, 1, observations);

        Assert.That(result.Centre, Is.EqualTo(6.5));
        Assert.That(result.Runs, Is.EqualTo(new AnhojResult(12, 6, 7, 1, 3)));
        Assert.That(result.Points.Any(p => p.InLongRun), Is.False);
        Assert.That(SpcSignalText.At(result, "2024-12"), Is.EqualTo(new[] { SpcSignalText.FewCrossings }));
        Assert.That(SpcSignalText.At(result, "2025-03"), Is.Empty);
        Assert.That(SpcSignalText.During(result, [new(2025, 1, 1), new(2025, 2, 1), new(2025, 3, 1)]), Is.Empty);
    }

    [TestCase(10, 6, 2)]
    [TestCase(12, 7, 3)]
    [TestCase(20, 7, 6)]
    [TestCase(24, 8, 8)]
    [TestCase(30, 8, 10)]
    public void The_limits_match_Anhojs_table(int n, int longestRun, int fewestCrossings)
    {
        Assert.That(AnhojRules.LongestRunLimit(n), Is.EqualTo(longestRun));
        Assert.That(AnhojRules.CrossingsLimit(n), Is.EqualTo(fewestCrossings));
    }

    [Test]
    public void The_binomial_quantile_is_the_smallest_x_reaching_p()
    {
        // Binomial(1, 0.5): P(X ≤ 0) = 0.5 ≥ 0.05, so 0; Binomial(9, 0.5): P(X ≤ 1) = 10/512 = 0.0195,
        // P(X ≤ 2) = 46/512 = 0.0898, so 2; the median of Binomial(2, 0.5) is 1 (P(X ≤ 0) = 0.25).
        Assert.That(Binomial.Quantile(0.05, 1, 0.5), Is.EqualTo(0));
        Assert.That(Binomial.Quantile(0.05, 9, 0.5), Is.EqualTo(2));
        Assert.That(Binomial.Quantile(0.5, 2, 0.5), Is.EqualTo(1));
    }

    [Test]
    public void A_quarters_signals_name_their_months_with_consecutive_ones_as_a_range()
    {
        // January and March above the upper limit, February inside; January–March in a long run; few crossings.
        var result = new SpcResult(SpcChartKind.P, 10,
        [
            new SpcPoint("2023-12", 9, 5, 15, false),
            new SpcPoint("2024-01", 16, 5, 15, true), new SpcPoint("2024-02", 14, 5, 15, true), new SpcPoint("2024-03", 17, 5, 15, true),
        ], new AnhojResult(14, 9, 7, 2, 4));
        DateOnly[] quarter = [new(2024, 1, 1), new(2024, 2, 1), new(2024, 3, 1)];

        Assert.That(SpcSignalText.During(result, quarter), Is.EqualTo("Över styrgräns (jan, mars), Lång serie (jan–mars), Få korsningar"));
        Assert.That(SpcSignalText.At(result, "2024-02"), Is.EqualTo(new[] { "Lång serie", "Få korsningar" }));
        Assert.That(SpcSignalText.During(null, quarter), Is.Empty);
    }

    [Test]
    public void The_chart_kind_follows_the_indicator()
    {
        var byId = IndicatorCatalog.All.ToDictionary(i => i.Id);
        Assert.That(SpcChartKinds.For(byId["uk_andel_inom_3"]), Is.EqualTo(SpcChartKind.P));
        Assert.That(SpcChartKinds.For(byId["uk_medeldagar_somatik"]), Is.EqualTo(SpcChartKind.U));
        Assert.That(SpcChartKinds.For(byId["uk_dagar_per_1000_65"]), Is.EqualTo(SpcChartKind.U));
        Assert.That(SpcChartKinds.For(byId["uk_betalningsdagar"]), Is.EqualTo(SpcChartKind.Run));
        Assert.That(byId["uk_betalningsdagar"].Kind, Is.EqualTo(IndicatorKind.Count));
    }
}
