using System.Globalization;
using Omtanke.Core.Indicators;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Presentation;

/// <summary>
/// One value as a viewer may see it: the number, or the disclosure symbol that stands in for it
/// (<c>..</c> for a hidden ratio or a count hidden by the secondary rule, <c>&lt;5</c> for a small count).
/// A hidden value's number is not carried, so no page can show it by mistake.
/// </summary>
public readonly record struct ShownValue(decimal? Number, string? Symbol)
{
    public const string HiddenSymbol = "..";
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public bool IsHidden => Symbol is not null;

    public static ShownValue Of(IndicatorValue value, IndicatorDefinition indicator, Viewer viewer, DisclosureSettings disclosure) =>
        !value.Suppressed || viewer.SeesRawValuesOf(value.Area) ? new ShownValue(value.Value, null)
        : indicator.Kind == IndicatorKind.Count && value.Value >= 1 && value.Value < disclosure.Limit
            ? new ShownValue(null, $"<{disclosure.Limit}")
            : new ShownValue(null, HiddenSymbol);

    /// <summary>
    /// Swedish number format: counts whole, percentages and rates per 1 000 with one decimal, plain ratios
    /// (mean days, the continuity index between 0 and 1) with two.
    /// </summary>
    public string Text(IndicatorDefinition indicator) =>
        Symbol ?? Number!.Value.ToString(
            indicator.Kind == IndicatorKind.Count ? "N0" : indicator.Factor == 1 ? "N2" : "N1", Swedish);
}
