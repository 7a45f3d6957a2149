using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Sources;
using Omtanke.Core.Targets;

namespace Omtanke.Tests.Reporting;

/// <summary>
/// The control-chart analysis of INDICATORS.md (Control charts) against worked examples; the arithmetic
/// is in the comments, and every figure was checked with an independent calculation.
/// </summary>
public sealed class SpcTests
{
    private const double Tolerance = 1e-4;

    /// <summary>Months "2024-01" … of the given values; denominators as given.</summary>
    private static List<SpcObservation> Months(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, double factor) =>
        numerators.Select((n, i) => new SpcObservation(Label(i), factor * n / denominators[i], n, denominators[i])).ToList();

    private static string Label(int i) => new DateOnly(2024, 1, 1).AddMonths(i).ToString("yyyy-MM");

    /// <summary>Eleven steady months of about 11 % of 1 000 and a twelfth of 15 %: a p-chart without over-dispersion.</summary>
    private static readonly double[] Steady = [108, 113, 107, 114, 108, 112, 107, 113, 108, 114, 107, 150];

    /// <summary>Twelve months of 1 000 that swing far more than a binomial 11.5 % would: Laney's p′-chart.</summary>
    private static readonly double[] Swinging = [100, 130, 90, 120, 80, 140, 100, 125, 85, 110, 95, 205];

    private static readonly double[] Thousands = [.. Enumerable.Repeat(1000.0, 12)];

    [Test]
    public void Laneys_sigma_z_of_the_first_six_weeks_of_qicharts2s_nhs_accidents_is_9_42()
    {
        // qicharts2's vignette (Case 5, "Prime charts") prints head(nhs_accidents): patients seen within
        // 4 hours of attendance out of all, six weeks. p̄ = 1 619 005 / 1 703 333 = 0.9504924.
        // z = −0.5043, 9.6979, −6.0480, −0.2716, 6.1262, −8.9032; moving ranges 10.2022, 15.7459,
        // 5.7764, 6.3978, 15.0294; mean 10.6304, / 1.128: σz = 9.4241. Week 1 (n = 280 443):
        // σ₁ = √(p̄(1 − p̄)/n) = 0.00040963; the p-chart's limits 94.9263 … 95.1721 % become
        // p̄ ± 3·σ₁·σz = 93.8911 … 96.2073 %, wide enough for weekly variation that is not a signal.
        double[] within = [266501, 264225, 276532, 281461, 269071, 261215];
        double[] all = [280443, 276823, 291681, 296155, 282343, 275888];
        var rate = within.Sum() / all.Sum();
        var sigmaZ = LaneyCorrection.SigmaZ(true, rate, within.Zip(all).ToList())!.Value;
        var sigma = LaneyCorrection.Sigma(true, rate, all[0]);

        Assert.That(rate, Is.EqualTo(0.9504924).Within(1e-7));
        Assert.That(sigmaZ, Is.EqualTo(9.4241).Within(Tolerance));
        Assert.That(100 * (rate - 3 * sigma), Is.EqualTo(94.9263).Within(Tolerance));
        Assert.That(100 * (rate - 3 * sigma * sigmaZ), Is.EqualTo(93.8911).Within(Tolerance));
        Assert.That(100 * (rate + 3 * sigma * sigmaZ), Is.EqualTo(96.2073).Within(Tolerance));
    }

    [Test]
    public void Over_dispersed_shares_get_a_p_prime_chart_whose_limits_are_widened_by_sigma_z()
    {
        // p̄ = 1 380 / 12 000 = 0.115; σ = √(0.115 · 0.885 / 1 000) = 0.0100884.
        // z = −1.4869, 1.4869, −2.4781, 0.4956, −3.4693, 2.4781, −1.4869, 0.9912, −2.9737, −0.4956,
        // −1.9825, 8.9212; mean moving range 4.1001, σz = 4.1001 / 1.128 = 3.6349 > 1: p′.
        // A plain p-chart (8.4735 … 14.5265 %) would flag 8 %, 14 % and 20.5 %; the p′ limits are
        // 11.5 ± 3 · 1.00884 · 3.6349 = 0.4990 … 22.5010 %, and no month lies outside them.
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Higher, Months(Swinging, Thousands, 100));

        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.PPrime));
        Assert.That(SpcChartKinds.Code(result.Kind), Is.EqualTo("p'"));
        Assert.That(result.Centre, Is.EqualTo(11.5).Within(Tolerance));
        Assert.That(result.SigmaZ, Is.EqualTo(3.6349).Within(Tolerance));
        Assert.That(result.Points[0].Lower, Is.EqualTo(0.4990).Within(Tolerance));
        Assert.That(result.Points[0].Upper, Is.EqualTo(22.5010).Within(Tolerance));
        Assert.That(result.Points.Select(p => p.Signal), Is.All.EqualTo(SpcSignal.None));
        Assert.That(result.Points.Select(p => p.Judged), Is.All.True);
    }

    [Test]
    public void Shares_that_vary_no_more_than_the_binomial_keep_their_p_chart_and_a_point_beyond_the_limit_signals()
    {
        // p̄ = 1 361 / 12 000 = 0.1134167; σ = √(p̄(1 − p̄)/1 000) = 0.0100276, 3σ = 0.0300829.
        // z = −0.5402, −0.0416, −0.6399, 0.0582, −0.5402, −0.1413, −0.6399, −0.0416, −0.5402, 0.0582,
        // −0.6399, 3.6483; mean moving range 0.9066, σz = 0.8037 ≤ 1: a p-chart, 8.3334 … 14.3500 %.
        // Longest run 5 (limit 7), 5 crossings (limit 3): no run signal. 15 % is above: for a
        // lower-is-better share a concern, higher-is-better an improvement, without a direction "above".
        var observations = Months(Steady, Thousands, 100);
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Lower, observations);

        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.P));
        Assert.That(result.Centre, Is.EqualTo(11.3417).Within(Tolerance));
        Assert.That(result.SigmaZ, Is.EqualTo(0.8037).Within(Tolerance));
        Assert.That(result.Points[11].Lower, Is.EqualTo(8.3334).Within(Tolerance));
        Assert.That(result.Points[11].Upper, Is.EqualTo(14.3500).Within(Tolerance));
        Assert.That(result.Points.Select(p => p.Signal),
            Is.EqualTo(Enumerable.Repeat(SpcSignal.None, 11).Append(SpcSignal.Concern)));
        Assert.That(SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Higher, observations).Points[11].Signal,
            Is.EqualTo(SpcSignal.Improvement));
        Assert.That(SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.None, observations).Points[11].Signal,
            Is.EqualTo(SpcSignal.Above));
    }

    [Test]
    public void Over_dispersed_days_per_stay_get_a_u_prime_chart_with_each_months_limits_from_its_own_stays()
    {
        // 5 670 days over 1 230 stays: ū = 4.6098. σᵢ = √(ū/nᵢ): 0.21470 for 100 stays, 0.19600 for 120.
        // σz = 2.7046 > 1, so u′: 4.6098 ± 3 · 0.21470 · 2.7046 = 2.8677 … 6.3518 (January, 100 stays)
        // and ± 3 · 0.19600 · 2.7046 = 3.0195 … 6.2000 (December, 120 stays).
        double[] days = [400, 520, 380, 610, 450, 300, 480, 560, 350, 500, 420, 700];
        double[] stays = [100, 110, 90, 120, 100, 80, 105, 115, 85, 110, 95, 120];
        var result = SpcAnalysis.Analyse(SpcChartKind.U, 1, Direction.Lower, Months(days, stays, 1));

        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.UPrime));
        Assert.That(result.Centre, Is.EqualTo(4.6098).Within(Tolerance));
        Assert.That(result.SigmaZ, Is.EqualTo(2.7046).Within(Tolerance));
        Assert.That((result.Points[0].Lower, result.Points[0].Upper), Is.EqualTo((2.8677, 6.3518)).Within(Tolerance));
        Assert.That((result.Points[11].Lower, result.Points[11].Upper), Is.EqualTo((3.0195, 6.2000)).Within(Tolerance));
    }

    [Test]
    public void A_population_rate_is_in_the_indicators_unit_per_1000()
    {
        // The steady series as events per 1 000 inhabitants of 10 000: ū = 1 361 / 120 000 = 0.0113417,
        // centre 11.3417 per 1 000; σ = √(ū / 10 000) = 0.00106497 (1.06497 per 1 000); the z-scores'
        // mean moving range 0.8536 / 1.128 gives σz = 0.7568 ≤ 1, so u: 11.3417 ± 3 · 1.06497 = 8.1467 … 14.5366.
        var result = SpcAnalysis.Analyse(SpcChartKind.U, 1000, Direction.None,
            Months(Steady, [.. Enumerable.Repeat(10000.0, 12)], 1000));

        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.U));
        Assert.That(result.Centre, Is.EqualTo(11.3417).Within(Tolerance));
        Assert.That(result.SigmaZ, Is.EqualTo(0.7568).Within(Tolerance));
        Assert.That(result.Points[0].Lower, Is.EqualTo(8.1467).Within(Tolerance));
        Assert.That(result.Points[0].Upper, Is.EqualTo(14.5366).Within(Tolerance));
    }

    [Test]
    public void With_fewer_than_12_judged_points_the_series_gets_a_centre_but_no_limits_no_signal_and_no_point_is_judged()
    {
        // Eleven final months and one preliminary: eleven judged points are too few. The centre is pooled
        // from the eleven final ones (1 211 / 11 000 = 11.0091 %), the chart stays p without σz.
        var observations = Months(Steady, Thousands, 100);
        observations[11] = observations[11] with { Preliminary = true };
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Lower, observations);

        Assert.That(result.Judged, Is.False);
        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.P));
        Assert.That(result.Centre, Is.EqualTo(11.0091).Within(Tolerance));
        Assert.That(result.SigmaZ, Is.Null);
        Assert.That(result.FewCrossings, Is.Null);
        Assert.That(result.Points.Any(p => p.Judged || p.Lower is not null || p.Upper is not null || p.IsSignal), Is.False);
        Assert.That(SpcSignalText.At(result, "2024-03")!.Text, Is.EqualTo(SpcSignalText.NotJudged));
    }

    [Test]
    public void A_series_without_any_final_visible_point_has_no_centre()
    {
        var result = SpcAnalysis.Analyse(SpcChartKind.Run, 1, Direction.Lower,
            [new SpcObservation("2024-01", 3, Preliminary: true), new SpcObservation("2024-02", null)]);

        Assert.That(result.Centre, Is.Null);
        Assert.That(result.Points.Select(p => p.Judged), Is.All.False);
    }

    [Test]
    public void A_preliminary_point_is_drawn_against_the_limits_but_neither_moves_the_centre_nor_signals()
    {
        // The steady twelve and a preliminary thirteenth month of 0 % (its readmissions not yet seen):
        // centre and limits stay those of the twelve (11.3417, 8.3334 … 14.3500), and 0 % is not judged.
        var observations = Months(Steady, Thousands, 100);
        observations.Add(new SpcObservation("2025-01", 0, 0, 1000, Preliminary: true));
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Lower, observations);
        var preliminary = result.Point("2025-01")!;

        Assert.That(result.Centre, Is.EqualTo(11.3417).Within(Tolerance));
        Assert.That(preliminary.Lower, Is.EqualTo(8.3334).Within(Tolerance), "drawn against the judged points' limits");
        Assert.That(preliminary.Judged || preliminary.IsSignal || preliminary.OutsideLimits, Is.False);
        Assert.That(SpcSignalText.At(result, "2025-01"), Is.EqualTo(new SpcVerdict(false, SpcSignal.None, [])));
    }

    [Test]
    public void A_hidden_point_is_in_the_series_without_its_number_limits_or_judgement()
    {
        // Thirteen months, the fifth hidden by disclosure control: the other twelve are the steady ones.
        var observations = Months(Steady, Thousands, 100);
        observations.Insert(4, new SpcObservation("hidden", null));
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Lower, observations);
        var hidden = result.Point("hidden")!;

        Assert.That(result.Points, Has.Count.EqualTo(13));
        Assert.That(result.Centre, Is.EqualTo(11.3417).Within(Tolerance));
        Assert.That(hidden.Value, Is.Null);
        Assert.That((hidden.Lower, hidden.Upper, hidden.Judged), Is.EqualTo(((double?)null, (double?)null, false)));
        Assert.That(result.Points.Count(p => p.Judged), Is.EqualTo(12));
    }

    [Test]
    public void Shares_of_all_or_nothing_have_no_sigma_z_and_both_limits_on_the_centre()
    {
        // r(1 − r) = 0: no model spread, no σz; the limits are r, and every point lies on them.
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Higher,
            Months([.. Enumerable.Repeat(50.0, 12)], [.. Enumerable.Repeat(50.0, 12)], 100));

        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.P));
        Assert.That(result.SigmaZ, Is.Null);
        Assert.That(result.Points.Select(p => (p.Lower, p.Upper)), Is.All.EqualTo(((double?)100, (double?)100)));
        Assert.That(result.Points.Any(p => p.IsSignal), Is.False);
    }

    [Test]
    public void A_run_chart_centres_on_the_median_and_signals_too_few_crossings()
    {
        // 1 … 12 rising: median (6 + 7) / 2 = 6.5; six points below, six above.
        // n = 12: longest run 6, limit round(log2 12 = 3.585) + 3 = 7, no long run.
        // One crossing; the limit is qbinom(0.05, 11, 0.5) = 3 since P(X ≤ 2) = 67/2048 = 0.033 and
        // P(X ≤ 3) = 232/2048 = 0.113: 1 < 3 signals, for the series, not for a point.
        var result = SpcAnalysis.Analyse(SpcChartKind.Run, 1, Direction.Lower,
            Enumerable.Range(1, 12).Select(v => new SpcObservation(Label(v - 1), v)).ToList());

        Assert.That(result.Centre, Is.EqualTo(6.5));
        Assert.That(result.SigmaZ, Is.Null);
        Assert.That(result.Points.All(p => p.Lower is null && p.Upper is null), Is.True);
        Assert.That(result.Runs, Is.EqualTo(new AnhojResult(12, 6, 7, 1, 3)));
        Assert.That(result.FewCrossings, Is.True);
        Assert.That(result.Points.Any(p => p.IsSignal), Is.False);
        Assert.That(SpcSignalText.At(result, "2024-12")!.Text, Is.EqualTo(SpcSignalText.FewCrossings));
    }

    [Test]
    public void A_long_run_below_the_centre_is_an_improvement_of_a_lower_is_better_count()
    {
        // Six months of 14, eight of 6, two of 15: sorted, the 8th and 9th of 16 are 6 and 14, so the
        // median is 10 and no point lies on it. n = 16, run limit round(log2 16) + 3 = 7: the run of
        // eight 6s (July–February) is long; below the centre, for a lower-is-better count an improvement.
        // Two crossings, below qbinom(0.05, 15, 0.5) = 4 (P(X ≤ 3) = 576/32768 = 0.018,
        // P(X ≤ 4) = 1941/32768 = 0.059): few crossings too, the series' signal.
        double[] values = [14, 14, 14, 14, 14, 14, 6, 6, 6, 6, 6, 6, 6, 6, 15, 15];
        var result = SpcAnalysis.Analyse(SpcChartKind.Run, 1, Direction.Lower,
            values.Select((v, i) => new SpcObservation(Label(i), v)).ToList());

        Assert.That(result.Centre, Is.EqualTo(10));
        Assert.That(result.Runs, Is.EqualTo(new AnhojResult(16, 8, 7, 2, 4)));
        Assert.That(result.Points.Select(p => p.Signal),
            Is.EqualTo(Enumerable.Repeat(SpcSignal.None, 6).Concat(Enumerable.Repeat(SpcSignal.Improvement, 8))
                .Concat([SpcSignal.None, SpcSignal.None])));
        Assert.That(SpcSignalText.At(result, "2024-07")!.Text, Is.EqualTo("Förbättring (lång serie), Få korsningar"));
        Assert.That(SpcSignalText.At(result, "2024-07")!.Tone, Is.EqualTo(SpcTone.Improvement));
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
    public void A_target_beyond_the_latest_limits_on_the_wrong_side_cannot_be_reached_by_the_process()
    {
        // The steady p-chart's latest limits are 8.3334 … 14.3500 %.
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Higher, Months(Steady, Thousands, 100));
        static Target Goal(decimal value, TargetDirection direction) =>
            new("x", value, direction, new DateOnly(2024, 1, 1), "test", DateTimeOffset.UnixEpoch);

        Assert.That(TargetAssurance.CannotBeReached(Goal(98, TargetDirection.AtLeast), result), Is.True);
        Assert.That(TargetAssurance.CannotBeReached(Goal(13, TargetDirection.AtLeast), result), Is.False);
        Assert.That(TargetAssurance.CannotBeReached(Goal(5, TargetDirection.AtMost), result), Is.True);
        Assert.That(TargetAssurance.CannotBeReached(Goal(9, TargetDirection.AtMost), result), Is.False);
        Assert.That(TargetAssurance.CannotBeReached(null, result), Is.False);
        var notJudged = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Higher, Months(Steady[..5], Thousands[..5], 100));
        Assert.That(TargetAssurance.CannotBeReached(Goal(98, TargetDirection.AtLeast), notJudged), Is.False, "no limits, no verdict");
    }

    [Test]
    public void A_quarters_signals_name_their_months_with_consecutive_ones_as_a_range()
    {
        // Nine steady months, then October–December at 20 %: p̄ = 1 590 / 12 000 = 13.25 %, σz = 1.0223, so
        // p′ with limits 9.9618 … 16.5382 %. The three 20 % months lie above (a concern for lower-is-better);
        // January–September form a run of nine below the centre (> 7: an improvement); one crossing (< 3).
        double[] numerators = [.. Steady[..9], 200, 200, 200];
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Lower, Months(numerators, Thousands, 100));
        DateOnly[] q4 = [new(2024, 10, 1), new(2024, 11, 1), new(2024, 12, 1)];
        DateOnly[] q1 = [new(2024, 1, 1), new(2024, 2, 1), new(2024, 3, 1)];

        Assert.That(result.Points[9].OutsideLimits, Is.True);
        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.PPrime));
        Assert.That(SpcSignalText.During(result, q4)!.Text, Is.EqualTo("Försämring (utanför styrgräns) (okt–dec), Få korsningar"));
        Assert.That(SpcSignalText.During(result, q4)!.Tone, Is.EqualTo(SpcTone.Concern));
        Assert.That(SpcSignalText.During(result, q1)!.Text, Is.EqualTo("Förbättring (lång serie) (jan–mars), Få korsningar"));
        Assert.That(SpcSignalText.During(result, q1)!.Tone, Is.EqualTo(SpcTone.Improvement));
        Assert.That(SpcSignalText.During(result, [new(2030, 1, 1)]), Is.Null);
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

    [Test]
    public void The_spc_csv_writes_judged_points_with_limits_and_the_others_without()
    {
        // The steady p-chart with a preliminary 13th month (12 %) and a hidden 14th.
        var observations = Months(Steady, Thousands, 100);
        observations.Add(new SpcObservation("2025-01", 12, 120, 1000, Preliminary: true));
        observations.Add(new SpcObservation("2025-02", null));
        var result = SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Lower, observations);
        var lines = SpcCsv.Lines(result, _ => "..").ToList();

        Assert.That(lines, Has.Count.EqualTo(14));
        Assert.That(lines[0], Is.EqualTo("2024-01;10.8;final;true;p;11.3417;8.3334;14.35;0.8037;none;false"));
        Assert.That(lines[11], Is.EqualTo("2024-12;15;final;true;p;11.3417;8.3334;14.35;0.8037;concern;false"));
        Assert.That(lines[12], Is.EqualTo("2025-01;12;preliminary;false;p;11.3417;;;0.8037;;false"));
        Assert.That(lines[13], Is.EqualTo("2025-02;..;final;false;p;11.3417;;;0.8037;;false"));
    }
}
