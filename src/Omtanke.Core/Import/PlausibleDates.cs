using System.Globalization;

namespace Omtanke.Core.Import;

/// <summary>
/// The dates an extract may hold (EXTRACTS.md, Plausible dates): from 1990-01-01 to 31 December of next year.
/// A date outside is a typing or export error, never data; letting one through made a recompute walk every month
/// from year 1, and a period of 9999-12 the latest month everyone's overview shows. Every date, period and year
/// of a file, and every month a command takes, is held to this range, so the months an import recomputes are too.
/// </summary>
public static class PlausibleDates
{
    public static DateOnly First { get; } = new(1990, 1, 1);

    /// <summary>31 December of next year, by the clock of the machine that reads the file.</summary>
    public static DateOnly Last => new(DateTime.Today.Year + 1, 12, 31);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static bool ContainsYear(long year) => year >= First.Year && year <= Last.Year;

    /// <summary>The reason a date outside the range is refused, in Swedish.</summary>
    public static string DateRefusal =>
        $"Datumet är inte rimligt: det ska ligga mellan {Format(First)} och {Format(Last)}.";

    public static string MonthRefusal =>
        $"Månaden är inte rimlig: den ska ligga mellan {Month(First)} och {Month(Last)}.";

    public static string YearRefusal => $"Året är inte rimligt: det ska ligga mellan {First.Year} och {Last.Year}.";

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
