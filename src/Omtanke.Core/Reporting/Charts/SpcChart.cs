using System.Globalization;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Targets;
using ScottPlot;

namespace Omtanke.Core.Reporting.Charts;

/// <summary>
/// A control chart: the series, its centre line, its limits (per point, drawn as steps), the target,
/// and the signals marked in the colour of what they mean (improvement, concern, or only a side). A
/// point that is not judged is hollow: it is drawn where it stands now, but it says nothing about the
/// process yet. A hidden point leaves a gap: its number is not published, so it is not drawn either.
/// </summary>
public static class SpcChart
{
    public static Plot Render(string title, string unit, SpcResult result, Target? target, ChartLayout? layout = null)
    {
        layout ??= ChartLayout.Wide;
        var plot = ChartRendering.NewPlot($"{title}\n{Heading(result, target)}");
        plot.Axes.Title.Label.FontSize = 13;
        var points = result.Points;
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();

        var values = plot.Add.Scatter(xs, points.Select(p => p.Value ?? double.NaN).ToArray(), ChartRendering.Colour(ChartPalette.Region));
        values.LegendText = "Värde";
        values.LineWidth = 1.5f;
        values.MarkerSize = 5;
        MarkNotJudged(plot, xs, points);
        if (result.Centre is { } centreValue)
        {
            var centre = plot.Add.HorizontalLine(centreValue, 2, ChartRendering.Colour(ChartPalette.Centre));
            centre.LegendText = result.Kind == SpcChartKind.Run ? "Median" : "Medelvärde";
        }
        if (points.Any(p => p.Upper is not null))
        {
            AddLimit(plot, points.Select(p => p.Upper ?? double.NaN).ToArray(), LimitsText(result));
            AddLimit(plot, points.Select(p => p.Lower ?? double.NaN).ToArray(), "");
        }
        if (target?.Value is { } goal)
        {
            var line = plot.Add.HorizontalLine((double)goal, 1.5f, ChartRendering.Colour(ChartPalette.Target), LinePattern.Dashed);
            line.LegendText = $"Mål {target.DirectionText} {((double)goal).ToString("#,##0.##", Periods.Swedish)}";
        }
        foreach (var signal in new[] { SpcSignal.Improvement, SpcSignal.Concern, SpcSignal.Above, SpcSignal.Below })
            Mark(plot, xs, points, p => p.Signal == signal, ChartPalette.Of(signal), SpcSignalText.Word(signal));

        ChartRendering.SetCategories(plot, points.Select(p => p.Label).ToList(), layout.MaxCategoryLabels);
        plot.YLabel(unit);
        ChartRendering.ShowLegend(plot, edge: layout.LegendEdge);
        return plot;
    }

    /// <summary>"p′-diagram (Laney), σz = 3,20 – längsta serie 9 (gräns 8), korsningar 3 (minst 8)", and the assurance verdict.</summary>
    public static string Heading(SpcResult result, Target? target)
    {
        var judged = result.Runs is { } runs
            ? string.Create(CultureInfo.InvariantCulture,
                $"längsta serie {runs.LongestRun} (gräns {runs.LongestRunLimit}), korsningar {runs.Crossings} (minst {runs.CrossingsLimit})")
            : $"ej bedömd: färre än {SpcAnalysis.MinimumJudged} slutliga, visade månader";
        var assurance = TargetAssurance.CannotBeReached(target, result) ? $"\n{TargetAssurance.CannotBeReachedText}" : "";
        return $"{ChartName(result)} – {judged}{assurance}";
    }

    /// <summary>"p′-diagram (Laney), σz = 3,63": the chart a series got, and why where Laney's correction decided it.</summary>
    public static string ChartName(SpcResult result) =>
        SpcChartKinds.SwedishName(result.Kind) + (result.SigmaZ is { } z ? string.Create(Periods.Swedish, $", σz = {z:0.00}") : "");

    private static string LimitsText(SpcResult result) =>
        result.SigmaZ is > 1 ? "Styrgränser (3 sigma × σz)" : "Styrgränser (3 sigma)";

    private static void AddLimit(Plot plot, double[] limits, string label)
    {
        var (xs, ys) = ChartRendering.CentredSteps(limits);
        var line = plot.Add.Scatter(xs, ys, ChartRendering.Colour(ChartPalette.Limit));
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    /// <summary>White-filled rings over the line's dots, so a point that is not judged reads as open whatever lies behind it.</summary>
    private static void MarkNotJudged(Plot plot, double[] xs, IReadOnlyList<SpcPoint> points)
    {
        var index = Enumerable.Range(0, points.Count).Where(i => !points[i].Judged && !points[i].Hidden).ToArray();
        if (index.Length == 0) return;
        var marks = plot.Add.ScatterPoints(index.Select(i => xs[i]).ToArray(), index.Select(i => points[i].Value!.Value).ToArray(),
            ChartRendering.Colour(ChartPalette.Region));
        marks.MarkerStyle = TrendChart.HollowMark(ChartRendering.Colour(ChartPalette.Region));
        marks.LegendText = points.Any(p => p.Judged) ? "Preliminärt (bedöms inte)" : "Ej bedömd";
    }

    private static void Mark(Plot plot, double[] xs, IReadOnlyList<SpcPoint> points, Func<SpcPoint, bool> which, string hex, string label)
    {
        var index = Enumerable.Range(0, points.Count).Where(i => which(points[i])).ToArray();
        if (index.Length == 0) return;
        var marks = plot.Add.ScatterPoints(index.Select(i => xs[i]).ToArray(), index.Select(i => points[i].Value!.Value).ToArray(),
            ChartRendering.Colour(hex));
        marks.MarkerSize = 11;
        marks.LegendText = label;
    }
}
