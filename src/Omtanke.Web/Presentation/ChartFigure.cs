using Microsoft.AspNetCore.Html;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Html;
using ScottPlot;

namespace Omtanke.Web.Presentation;

/// <summary>
/// A chart of the reports' chart code inlined in a page as SVG. It is inline rather than fetched, so it
/// needs no script and no second request, and it draws exactly the values the page was built from. It is
/// rendered twice, wide for a laptop and narrow for a phone, and the style sheet shows the one that fits:
/// an SVG scaled down to a phone's width from the wide layout would have unreadably small text.
/// </summary>
public sealed record ChartFigure(string Id, string Caption, IHtmlContent Wide, IHtmlContent Narrow)
{
    /// <param name="id">The figure's element id, also the prefix that keeps each SVG's internal ids unique on the page.</param>
    /// <param name="label">What the chart shows, for screen readers.</param>
    /// <param name="render">Draws the chart in a layout; called once per layout.</param>
    public static ChartFigure Of(string id, string caption, string label, Func<ChartLayout, Plot> render) =>
        new(id, caption, Inline(id + "-bred-", label, render, ChartLayout.Wide), Inline(id + "-smal-", label, render, ChartLayout.Narrow));

    private static HtmlString Inline(string idPrefix, string label, Func<ChartLayout, Plot> render, ChartLayout layout) =>
        new(InlineSvg.Prepare(ChartRendering.Svg(render(layout), layout), idPrefix, label));
}
