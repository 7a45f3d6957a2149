using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting;

/// <summary>
/// Number formats by indicator (Excel format codes, also used for .NET formatting): whole counts, two
/// decimals for means and indices, one for the rest.
/// </summary>
public static class NumberFormats
{
    public static string Value(IndicatorDefinition indicator) => Decimals(indicator) switch
    {
        0 => "#,##0",
        2 => "0.00",
        _ => "0.0",
    };

    public static int Decimals(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Count ? 0 : indicator.Factor == 1 ? 2 : 1;

    /// <summary>A change, always signed, with a true minus sign.</summary>
    public static string Change(IndicatorDefinition indicator)
    {
        var number = Value(indicator);
        return $"+{number};\"−\"{number};{number}";
    }

    public const string Date = "yyyy-mm-dd hh:mm";
}
