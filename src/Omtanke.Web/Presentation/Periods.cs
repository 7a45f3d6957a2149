using System.Globalization;
using Omtanke.Core.Targets;

namespace Omtanke.Web.Presentation;

/// <summary>Periods and targets as the pages write them, in Swedish.</summary>
public static class Periods
{
    public static DateOnly Start(string period)
    {
        if (period.Length == 4) return new DateOnly(int.Parse(period), 1, 1);
        if (period[5] == 'Q') return new DateOnly(int.Parse(period[..4]), 3 * (period[6] - '0') - 2, 1);
        return new DateOnly(int.Parse(period[..4]), int.Parse(period[5..7]), 1);
    }

    /// <summary>
    /// The years a page or the API accepts in a month or quarter. The service's data begin long after the first and
    /// end long before the last; outside them the reports' arithmetic on months (24 months back, a quarter ahead)
    /// would leave the calendar, and a request for year 1 or 9999 is a typing error, not a question.
    /// </summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>The month written as ÅÅÅÅ-MM (its first day), or null when the text is no month of the years above.</summary>
    public static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
        && month.Year is >= FirstYear and <= LastYear
            ? month
            : null;

    public static string MonthFormatHint => $"ÅÅÅÅ-MM, åren {FirstYear}–{LastYear}";

    private static readonly string[] MonthNames =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public static string MonthName(DateOnly month) => $"{MonthNames[month.Month - 1]} {month.Year}";

    public static string TargetText(Target t) => $"{t.DirectionText} {t.Value!.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))}";
}
