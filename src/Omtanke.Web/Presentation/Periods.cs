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

    private static readonly string[] MonthNames =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public static string MonthName(DateOnly month) => $"{MonthNames[month.Month - 1]} {month.Year}";

    public static string TargetText(Target t) => $"{t.DirectionText} {t.Value!.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))}";
}
