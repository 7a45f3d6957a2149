namespace Omtanke.Core.Samples;

internal static class SampleCalendar
{
    /// <summary>Monday to Friday of a month (public holidays are not modelled).</summary>
    public static DateOnly[] WorkingDays(DateOnly month) =>
        Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month)).Select(month.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
