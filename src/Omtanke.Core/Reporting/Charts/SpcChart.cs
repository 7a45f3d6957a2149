using System.Globalization;
using Omtanke.Core.Reporting.Spc;
using ScottPlot;

namespace Omtanke.Core.Reporting.Charts;

/// <summary>
/// A control chart: the series, its centre line, its 3-sigma limits (per point, drawn as steps), and
/// the signals marked: red for a point outside the limits, orange for a point in an unusually long run.
/// A preliminary point is hollow: it is drawn where it stands now, but it is not judged.
/// </summary>
public static class SpcChart
{
    public static Plot Render(string title, string unit, SpcResult result, ChartLayout? layout = null)
    {
        layout ??= ChartLayout.Wide;
        var kind = SpcChartKinds.SwedishName(result.Kind);
        var plot = ChartRendering.NewPlot($"{title}\n{kind}: {Summary(result)}");
        plot.Axes.Title.Label.FontSize = 13;
        var points = result.Points;
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();

        var values = plot.Add.Scatter(xs, points.Select(p => p.Value).ToArray(), ChartRendering.Colour(ChartPalette.Region));
        values.LegendText = "Värde";
        values.LineWidth = 1.5f;
        values.MarkerSize = 5;
        MarkPreliminary(plot, xs, points);
        if (points.Count > 0)
        {
            var centre = plot.Add.HorizontalLine(result.Centre, 2, ChartRendering.Colour(ChartPalette.Centre));
            centre.LegendText = result.Kind == SpcChartKind.Run ? "Median" : "Medelvärde";
        }
        if (result.Kind != SpcChartKind.Run)
        {
            AddLimit(plot, points.Select(p => p.Upper!.Value).ToArray(), "Styrgränser (3 sigma)");
            AddLimit(plot, points.Select(p => p.Lower!.Value).ToArray(), "");
        }
        Mark(plot, xs, points, p => p.InLongRun && !p.OutsideLimits, ChartPalette.LongRun, "Lång serie");
        Mark(plot, xs, points, p => p.OutsideLimits, ChartPalette.Signal, "Utanför styrgräns");

        ChartRendering.SetCategories(plot, points.Select(p => p.Label).ToList(), layout.MaxCategoryLabels);
        plot.YLabel(unit);
        ChartRendering.ShowLegend(plot, edge: layout.LegendEdge);
        return plot;
    }

    /// <summary>"längsta serie 9 (gräns 8), korsningar 3 (gräns 8)" — the run rules in one line.</summary>
    public static string Summary(SpcResult result) => string.Create(CultureInfo.InvariantCulture,
        $"längsta serie {result.Runs.LongestRun} (gräns {result.Runs.LongestRunLimit}), " +
        $"korsningar {result.Runs.Crossings} (minst {result.Runs.CrossingsLimit})");

    private static void AddLimit(Plot plot, double[] limits, string label)
    {
        var (xs, ys) = ChartRendering.CentredSteps(limits);
        var line = plot.Add.Scatter(xs, ys, ChartRendering.Colour(ChartPalette.Limit));
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    /// <summary>White-filled rings over the line's dots, so a preliminary point reads as open whatever lies behind it.</summary>
    private static void MarkPreliminary(Plot plot, double[] xs, IReadOnlyList<SpcPoint> points)
    {
        var index = Enumerable.Range(0, points.Count).Where(i => points[i].Preliminary).ToArray();
        if (index.Length == 0) return;
        var marks = plot.Add.ScatterPoints(index.Select(i => xs[i]).ToArray(), index.Select(i => points[i].Value).ToArray(),
            ChartRendering.Colour(ChartPalette.Region));
        marks.MarkerStyle = new MarkerStyle
        {
            Shape = MarkerShape.FilledCircle, Size = 9, FillColor = Colors.White,
            OutlineColor = ChartRendering.Colour(ChartPalette.Region), OutlineWidth = 1.5f,
        };
        marks.LegendText = "Preliminärt (bedöms inte)";
    }

    private static void Mark(Plot plot, double[] xs, IReadOnlyList<SpcPoint> points, Func<SpcPoint, bool> which, string hex, string label)
    {
        var index = Enumerable.Range(0, points.Count).Where(i => which(points[i])).ToArray();
        if (index.Length == 0) return;
        var marks = plot.Add.ScatterPoints(index.Select(i => xs[i]).ToArray(), index.Select(i => points[i].Value).ToArray(),
            ChartRendering.Colour(hex));
        marks.MarkerSize = 11;
        marks.LegendText = label;
    }
}
