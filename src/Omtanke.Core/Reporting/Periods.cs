using System.Globalization;
using System.Text.RegularExpressions;

namespace Omtanke.Core.Reporting;

/// <summary>Month labels as <c>indicator_values</c> writes them (yyyy-MM), and their Swedish display.</summary>
public static class Periods
{
    public static CultureInfo Swedish { get; } = CultureInfo.GetCultureInfo("sv-SE");

    public static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"mars 2024".</summary>
    public static string SwedishMonth(DateOnly month) => month.ToString("MMMM yyyy", Swedish);

    public static IReadOnlyList<DateOnly> MonthsEndingWith(DateOnly last, int count) =>
        Enumerable.Range(0, count).Select(i => last.AddMonths(i - count + 1)).ToList();

    public static IReadOnlyList<DateOnly> MonthsBetween(DateOnly first, DateOnly last) =>
        MonthsEndingWith(last, (last.Year - first.Year) * 12 + last.Month - first.Month + 1);
}

/// <summary>A calendar quarter, labelled yyyy-Qn as in <c>indicator_values</c>.</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    public static bool TryParse(string text, out Quarter quarter)
    {
        var match = QuarterPattern().Match(text);
        quarter = match.Success ? new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            match.Groups[2].Value[0] - '0') : default;
        return match.Success;
    }

    public static Quarter Of(DateOnly month) => new(month.Year, (month.Month - 1) / 3 + 1);

    public string Label => $"{Year}-Q{Number}";

    /// <summary>"kvartal 1 2024".</summary>
    public string SwedishLabel => $"kvartal {Number} {Year}";

    public DateOnly FirstMonth => new(Year, 3 * (Number - 1) + 1, 1);
    public DateOnly LastMonth => FirstMonth.AddMonths(2);

    public Quarter Minus(int quarters) => Of(FirstMonth.AddMonths(-3 * quarters));

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
