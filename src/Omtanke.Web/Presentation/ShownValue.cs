using System.Globalization;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Presentation;

/// <summary>
/// One value as a viewer may see it: the number, or the disclosure symbol of the published outputs that
/// stands in for it. A hidden value's number is not carried, so no page can show it by mistake.
/// </summary>
public readonly record struct ShownValue(decimal? Number, string? Symbol)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public bool IsHidden => Symbol is not null;

    /// <summary>The raw value for a viewer with the raw-data role for its area, else the value as published.</summary>
    public static ShownValue Of(IndicatorValue value, IndicatorDefinition indicator, Viewer viewer, DisclosureSettings disclosure)
    {
        if (viewer.SeesRawValuesOf(value.Area)) return new ShownValue(value.Value, null);
        var published = Disclosure.Publish(indicator, value, disclosure);
        return new ShownValue(published.Number, published.Symbol);
    }

    /// <summary>
    /// Swedish number format: counts whole, percentages and rates per 1 000 with one decimal, plain ratios
    /// (mean days, the continuity index between 0 and 1) with two.
    /// </summary>
    public string Text(IndicatorDefinition indicator) =>
        Symbol ?? Number!.Value.ToString(
            indicator.Kind == IndicatorKind.Count ? "N0" : indicator.Factor == 1 ? "N2" : "N1", Swedish);
}
