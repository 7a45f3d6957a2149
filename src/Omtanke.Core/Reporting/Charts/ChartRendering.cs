using ScottPlot;

namespace Omtanke.Core.Reporting.Charts;

/// <summary>
/// A chart's size and what depends on it. A wide chart (a report's image, a laptop's page) has its legend
/// on the right and a label under up to 13 periods; a narrow one, drawn for a phone's width, has its
/// legend below and fewer labels, so that its text stays readable when the page scales it to the screen.
/// </summary>
public sealed record ChartLayout(int Width, int Height, Edge LegendEdge, int MaxCategoryLabels)
{
    public static ChartLayout Wide { get; } = new(1100, 520, Edge.Right, 13);
    public static ChartLayout Narrow { get; } = new(440, 500, Edge.Bottom, 5);
}

/// <summary>What every rendered chart shares: the font, sizes, Swedish number display and the files written.</summary>
public static class ChartRendering
{
    /// <summary>DejaVu Sans has å ä ö and is installed with the service (scripts/setup.sh).</summary>
    public const string Font = "DejaVu Sans";

    public static Color Colour(string hex) => Color.FromHex("#" + hex);

    public static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, 14);
        plot.Axes.Title.Label.Bold = false;
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.08);
        return plot;
    }

    /// <summary>Periods as category ticks along the x axis: 0, 1, 2 … under their labels, the last always labelled.</summary>
    public static void SetCategories(Plot plot, IReadOnlyList<string> categories, int maxLabels = 13)
    {
        // Upright labels read best; beyond the most that fit only every n-th is labelled so they do not overlap.
        var step = (categories.Count + maxLabels - 1) / maxLabels;
        var ticks = Enumerable.Range(0, categories.Count).Where(i => (categories.Count - 1 - i) % Math.Max(1, step) == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => categories[i]).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        // Half a period of room at each end keeps the first and last labels and steps inside the chart.
        plot.Axes.SetLimitsX(-0.5, categories.Count - 0.5);
        // Up to four decimals: an index of 0–1 gets ticks every 0,0025, which two decimals print as "0,47" four times.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("#,##0.####", Periods.Swedish),
        };
    }

    /// <summary>
    /// A per-period level (a limit or a target) as a line that spans each period from half a step before
    /// to half a step after it, so the first and last periods get a visible level too; NaN leaves a gap.
    /// </summary>
    public static (double[] Xs, double[] Ys) CentredSteps(IReadOnlyList<double> levels) =>
        (Enumerable.Range(0, levels.Count).SelectMany(i => new[] { i - 0.5, i + 0.5 }).ToArray(),
         levels.SelectMany(y => new[] { y, y }).ToArray());

    /// <summary>
    /// Shows the legend on the right. Its items are copied into manual items moved down a little:
    /// ScottPlot 5.1 draws legend text too high and clips the top item, which cuts the dots off Å Ä Ö.
    /// </summary>
    public static void ShowLegend(Plot plot, float fontSize = 11, Edge edge = Edge.Right)
    {
        plot.Font.Set(Font);
        plot.Legend.DisplayPlottableLegendItems = false;
        foreach (var item in plot.GetPlottables().SelectMany(p => p.LegendItems).Where(i => !string.IsNullOrEmpty(i.LabelText)))
        {
            item.LabelStyle.FontName = Font;
            item.LabelStyle.FontSize = fontSize;
            item.LabelStyle.OffsetY = fontSize / 4;
            plot.Legend.ManualItems.Add(item);
        }
        plot.ShowLegend(edge);
    }

    /// <summary>Writes the chart as <c>name.png</c> and <c>name.svg</c>; returns both paths.</summary>
    public static (string Png, string Svg) Save(Plot plot, string pathWithoutExtension, ChartLayout layout)
    {
        plot.Font.Set(Font);
        var png = pathWithoutExtension + ".png";
        var svg = pathWithoutExtension + ".svg";
        plot.SavePng(png, layout.Width, layout.Height);
        plot.SaveSvg(svg, layout.Width, layout.Height);
        return (png, svg);
    }

    /// <summary>The chart as SVG markup, for a page that inlines it.</summary>
    public static string Svg(Plot plot, ChartLayout layout)
    {
        plot.Font.Set(Font);
        return plot.GetSvgXml(layout.Width, layout.Height);
    }
}
