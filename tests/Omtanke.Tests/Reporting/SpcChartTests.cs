using System.Text.RegularExpressions;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Targets;

namespace Omtanke.Tests.Reporting;

/// <summary>The control chart as drawn: its title names the chart and the assurance verdict, its axis reads.</summary>
public sealed partial class SpcChartTests
{
    /// <summary>Twelve months of 1 000 in two levels, 70 % then 75 %: a p′-chart (σz > 1) around 72.5 %.</summary>
    private static SpcResult Shares() => SpcAnalysis.Analyse(SpcChartKind.P, 100, Direction.Higher,
        Enumerable.Range(0, 12).Select(i => (double)(i < 6 ? 700 + i % 2 * 20 : 740 + i % 2 * 20))
            .Select((n, i) => new SpcObservation($"2024-{i + 1:00}", n / 10, n, 1000)).ToList());

    [Test]
    public void The_title_names_the_chart_with_sigma_z_and_says_when_the_target_cannot_be_reached()
    {
        var result = Shares();
        var target = new Target("x", 98, TargetDirection.AtLeast, new DateOnly(2024, 1, 1), "test", DateTimeOffset.UnixEpoch);

        Assert.That(result.Kind, Is.EqualTo(SpcChartKind.PPrime));
        Assert.That(SpcChart.Heading(result, target), Does.StartWith("p′-diagram (Laney), σz = ")
            .And.EndWith("\n" + TargetAssurance.CannotBeReachedText));
        Assert.That(SpcChart.Heading(result, target with { Value = 74 }), Does.Not.Contain(TargetAssurance.CannotBeReachedText));
    }

    [Test]
    public void An_index_axis_does_not_repeat_its_labels()
    {
        // Ko05L moves between 0,47 and 0,51: ticks every 0,005 printed with two decimals read "0,47" twice.
        var result = SpcAnalysis.Analyse(SpcChartKind.U, 1, Direction.Higher,
            Enumerable.Range(0, 12).Select(i => 0.47 + 0.0035 * i)
                .Select((v, i) => new SpcObservation($"2024-{i + 1:00}", v, v * 10000, 10000)).ToList());
        var svg = SpcChart.Render("Ko05L", "index 0–1", result, null).GetSvgXml(1100, 520);
        var labels = AxisLabel().Matches(svg).Select(m => m.Groups[1].Value).ToList();

        Assert.That(labels, Has.Count.GreaterThan(3));
        Assert.That(labels, Is.Unique);
    }

    [GeneratedRegex(@"^\s*(0,\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AxisLabel();
}
