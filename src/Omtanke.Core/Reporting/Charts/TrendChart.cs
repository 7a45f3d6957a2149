using ScottPlot;

namespace Omtanke.Core.Reporting.Charts;

/// <summary>
/// An indicator over time: one line per area, the region emphasised, the target as a dashed step line, and
/// preliminary values on a dashed segment with a hollow mark.
/// </summary>
public static class TrendChart
{
    public static Plot Render(TrendChartData data, bool legend = true, ChartLayout? layout = null)
    {
        layout ??= ChartLayout.Wide;
        var plot = ChartRendering.NewPlot(data.Title);
        var xs = Enumerable.Range(0, data.Categories.Count).Select(i => (double)i).ToArray();
        foreach (var series in data.Series)
        {
            // NaN breaks the line: a missing or hidden value is a gap, never a zero. Final values are joined by
            // the solid line; a preliminary one only by a dashed segment, to a hollow mark.
            var colour = ChartRendering.Colour(series.ColourHex);
            var width = series.Emphasised ? 3 : 1.5f;
            var dashed = plot.Add.Scatter(xs, Enumerable.Range(0, xs.Length)
                .Select(i => series.DashedInto(i) || (i + 1 < xs.Length && series.DashedInto(i + 1)) ? series.Values[i] ?? double.NaN : double.NaN)
                .ToArray(), colour);
            dashed.LinePattern = LinePattern.Dashed;
            dashed.LineWidth = width;
            dashed.MarkerSize = 0;
            var line = plot.Add.Scatter(xs, series.Values.Select((v, i) => series.Preliminary[i] ? double.NaN : v ?? double.NaN).ToArray(), colour);
            line.LegendText = series.Name;
            line.LineWidth = width;
            line.MarkerSize = series.Emphasised ? 6 : 4;
            MarkPreliminary(plot, xs, series, colour);
        }
        if (data.Series.Any(s => s.Preliminary.Contains(true)))
        {
            var key = plot.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>(), ChartRendering.Colour(ChartPalette.Region));
            key.MarkerStyle = HollowMark(ChartRendering.Colour(ChartPalette.Region));
            key.LegendText = "Preliminärt (streckat, ofylld punkt)";
        }
        if (data.HasTarget)
        {
            var (steps, levels) = ChartRendering.CentredSteps(data.Target.Select(v => v ?? double.NaN).ToList());
            var target = plot.Add.Scatter(steps, levels, ChartRendering.Colour(ChartPalette.Target));
            target.LinePattern = LinePattern.Dashed;
            target.LineWidth = 2;
            target.MarkerSize = 0;
            target.LegendText = TrendChartData.TargetName;
        }
        ChartRendering.SetCategories(plot, data.Categories, layout.MaxCategoryLabels);
        plot.YLabel(data.Unit);
        if (legend) ChartRendering.ShowLegend(plot, edge: layout.LegendEdge);
        else plot.HideLegend();
        return plot;
    }

    private static void MarkPreliminary(Plot plot, double[] xs, ChartSeries series, Color colour)
    {
        var index = Enumerable.Range(0, xs.Length).Where(i => series.Preliminary[i] && series.Values[i] is not null).ToArray();
        if (index.Length == 0) return;
        var marks = plot.Add.ScatterPoints(index.Select(i => xs[i]).ToArray(), index.Select(i => series.Values[i]!.Value).ToArray(), colour);
        marks.MarkerStyle = HollowMark(colour);
    }

    /// <summary>A white-filled ring, as the control charts mark a point that is not judged.</summary>
    public static MarkerStyle HollowMark(Color colour) => new()
    {
        Shape = MarkerShape.FilledCircle, Size = 8, FillColor = Colors.White, OutlineColor = colour, OutlineWidth = 1.5f,
    };
}
