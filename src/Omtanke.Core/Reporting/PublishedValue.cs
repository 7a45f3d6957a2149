using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Extracts;

namespace Omtanke.Core.Reporting;

/// <summary>
/// What a published output shows of one value: the number, the disclosure symbol that stands in for a
/// hidden one, or nothing (no value). A hidden value's number is never carried, so nothing downstream
/// (charts, changes, signals) can show it by mistake.
/// </summary>
public readonly record struct PublishedValue(decimal? Number, string? Symbol)
{
    public static PublishedValue Missing => default;
    public static PublishedValue Hidden(string symbol) => new(null, symbol);
    /// <summary>
    /// A shown value, at the precision outputs write (INDICATORS.md: never the raw quotient, whose last digits can let
    /// a hidden count be computed back).
    /// </summary>
    public static PublishedValue Shown(decimal number) => new(Math.Round(number, MaxDecimals, MidpointRounding.AwayFromZero), null);

    public const int MaxDecimals = 4;

    public bool IsHidden => Symbol is not null;
    public bool IsMissing => Number is null && Symbol is null;

    /// <summary>
    /// The change from an earlier value, between the values as shown (rounded to <paramref name="decimals"/>),
    /// so that 0,50 after 0,50 is a change of 0,00 and not −0,00. Hidden when either is hidden, so a
    /// change never reveals one.
    /// </summary>
    public PublishedValue ChangeFrom(PublishedValue earlier, int decimals) =>
        IsMissing || earlier.IsMissing ? Missing
        : IsHidden || earlier.IsHidden ? Hidden(Disclosure.HiddenSymbol)
        : Shown(Math.Round(Number!.Value, decimals, MidpointRounding.AwayFromZero)
                - Math.Round(earlier.Number!.Value, decimals, MidpointRounding.AwayFromZero));

    /// <summary>Whether this change goes the indicator's better way; null without a direction or a visible, non-zero change.</summary>
    public bool? IsImprovementFor(IndicatorDefinition indicator) =>
        Number is not { } delta || delta == 0 || indicator.Better == Direction.None ? null
        : (delta > 0) == (indicator.Better == Direction.Higher);
}

/// <summary>
/// Disclosure control as published outputs show it (INDICATORS.md): <c>..</c> for a hidden ratio,
/// <c>&lt;5</c> for a hidden small count.
/// </summary>
public static class Disclosure
{
    /// <summary>SCB's symbol for a value that is not shown.</summary>
    public const string HiddenSymbol = "..";

    public static string SmallCountSymbol(DisclosureSettings settings) => $"<{settings.Limit}";

    /// <summary>"dolt antal 1–4": what the small-count symbol stands for, with the configured limit.</summary>
    public static string SmallCountMeaning(DisclosureSettings settings) => $"dolt antal 1–{settings.Limit - 1}";

    /// <summary>The symbols' explanation for a sheet's or page's note.</summary>
    public static string Note(DisclosureSettings settings) =>
        $"{HiddenSymbol} = dolt värde, {SmallCountSymbol(settings)} = {SmallCountMeaning(settings)} (röjandeskydd)";

    /// <summary>
    /// A stored value as published. A count hidden by the secondary rule is at or above the limit, so it
    /// is shown as <c>..</c>: <c>&lt;5</c> would state something false about it.
    /// </summary>
    public static PublishedValue Publish(IndicatorDefinition indicator, IndicatorValue? value, DisclosureSettings settings) =>
        value is null ? PublishedValue.Missing
        : !value.Suppressed ? PublishedValue.Shown(value.Value)
        : indicator.Kind == IndicatorKind.Count && value.Value >= 1 && value.Value < settings.Limit
            ? PublishedValue.Hidden(SmallCountSymbol(settings))
            : PublishedValue.Hidden(HiddenSymbol);

    /// <summary>A stored breakdown measure as published: disclosure control has decided whether it is hidden.</summary>
    public static PublishedValue Publish(BreakdownMeasure measure, BreakdownMeasureValue stored, DisclosureSettings settings) =>
        measure switch
        {
            RatioMeasure when stored.Denominator is not > 0 => PublishedValue.Missing,
            RatioMeasure => stored.Hidden ? PublishedValue.Hidden(HiddenSymbol)
                : PublishedValue.Shown(((RatioMeasure)measure).Factor * stored.Value / stored.Denominator!.Value),
            _ => !stored.Hidden ? PublishedValue.Shown(stored.Value)
                : PublishedValue.Hidden(stored.Value >= 1 && stored.Value < settings.Limit ? SmallCountSymbol(settings) : HiddenSymbol),
        };
}
