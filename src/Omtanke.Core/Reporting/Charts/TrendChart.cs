using ScottPlot;

namespace Omtanke.Core.Reporting.Charts;

/// <summary>An indicator over time: one line per area, the region emphasised, and the target as a dashed step line.</summary>
public static class TrendChart
{
    public static Plot Render(TrendChartData data, bool legend = true, ChartLayout? layout = null)
    {
        layout ??= ChartLayout.Wide;
        var plot = ChartRendering.NewPlot(data.Title);
        var xs = Enumerable.Range(0, data.Categories.Count).Select(i => (double)i).ToArray();
        foreach (var series in data.Series)
        {
            // NaN breaks the line: a missing or hidden value is a gap, never a zero.
            var line = plot.Add.Scatter(xs, series.Values.Select(v => v ?? double.NaN).ToArray(), ChartRendering.Colour(series.ColourHex));
            line.LegendText = series.Name;
            line.LineWidth = series.Emphasised ? 3 : 1.5f;
            line.MarkerSize = series.Emphasised ? 6 : 4;
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
}
