using System.Globalization;
using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Meetings;

/// <summary>When a source's month is due: the Nth Swedish working day after the month, or after its quarter for a quarterly source.</summary>
public sealed record DeliveryDeadline(string SourceId, int WorkingDay, bool Quarterly)
{
    public DateOnly For(DateOnly month)
    {
        var after = Quarterly ? Quarter.Of(month).LastMonth.AddMonths(1) : month.AddMonths(1);
        return WorkingDays.Nth(after, WorkingDay);
    }
}

/// <summary>A source's delivery of a month as the calendar sees it: when it was due, when it came, which municipalities lack it.</summary>
public sealed record DeliveryCheck(string SourceId, DateOnly Due, DateTimeOffset? First, IReadOnlyList<string> Missing)
{
    public bool IsLate => First is { } at && DateOnly.FromDateTime(at.LocalDateTime) > Due;
    public bool IsMissing => First is null;
}

/// <summary>
/// The delivery deadlines per source. Every source but the yearly population is due on the 8th working day
/// after its month (the quarterly ones after their quarter), unless <c>OMTANKE_DELIVERY_DEADLINES</c> says
/// otherwise, e.g. <c>utskrivningsklara=5,sip=q20</c> (a <c>q</c> for a quarterly source).
/// </summary>
public static class DeliveryCalendar
{
    public const string Variable = "OMTANKE_DELIVERY_DEADLINES";
    public const int DefaultWorkingDay = 8;

    public static IReadOnlyList<DeliveryDeadline> FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    public static IReadOnlyList<DeliveryDeadline> Parse(string? text)
    {
        var deadlines = SourceCatalog.All.Where(s => s.Id != BefolkningSource.Id)
            .ToDictionary(s => s.Id, s => new DeliveryDeadline(s.Id, DefaultWorkingDay,
                s.Id is SipSource.Id or FastLakarkontaktSource.Id));
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var quarterly = parts.Length == 2 && parts[1].StartsWith('q');
            if (parts.Length != 2 || !deadlines.ContainsKey(parts[0])
                || !int.TryParse(quarterly ? parts[1][1..] : parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || day is < 1 or > 23)
                throw new ImportSetupException($"{Variable}: '{entry}' ska vara källa=arbetsdag (1–23), med q framför för en " +
                    $"kvartalsleverans, till exempel sip=q20. Kända källor: {string.Join(", ", deadlines.Keys)}.");
            deadlines[parts[0]] = new DeliveryDeadline(parts[0], day, quarterly);
        }
        return deadlines.Values.OrderBy(d => d.SourceId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per source: the first accepted delivery of the month (any municipality) and the municipalities without one.</summary>
    public static async Task<List<DeliveryCheck>> CheckAsync(NpgsqlDataSource db, IReadOnlyList<DeliveryDeadline> deadlines,
        DateOnly month, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, """
            SELECT s.source, min(d.imported_at), array_agg(DISTINCT s.kommunkod)
            FROM delivery_slices s JOIN deliveries d ON d.id = s.delivery_id
            WHERE d.status = 'accepted' AND s.month = $1
            GROUP BY s.source
            """, month);
        var delivered = new Dictionary<string, (DateTimeOffset First, string[] Areas)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                delivered[r.GetString(0)] = (r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<string[]>(2));
        return deadlines.Select(d => delivered.TryGetValue(d.SourceId, out var got)
                ? new DeliveryCheck(d.SourceId, d.For(month), got.First, Areas.Municipalities.Keys.Except(got.Areas).ToList())
                : new DeliveryCheck(d.SourceId, d.For(month), null, [.. Areas.Municipalities.Keys]))
            .ToList();
    }
}

/// <summary>Swedish working days: Monday to Friday except public holidays and the eves that are taken as such.</summary>
public static class WorkingDays
{
    /// <summary>The Nth working day of the month (counting from 1).</summary>
    public static DateOnly Nth(DateOnly month, int n)
    {
        var day = new DateOnly(month.Year, month.Month, 1);
        for (var count = IsWorkingDay(day) ? 1 : 0; count < n; count += IsWorkingDay(day) ? 1 : 0) day = day.AddDays(1);
        return day;
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays(day.Year).Contains(day);

    private static HashSet<DateOnly> Holidays(int year)
    {
        var easter = EasterSunday(year);
        // Midsummer Eve is the Friday between 19 and 25 June.
        var midsummerEve = Enumerable.Range(19, 7).Select(d => new DateOnly(year, 6, d)).Single(d => d.DayOfWeek == DayOfWeek.Friday);
        return
        [
            new(year, 1, 1), new(year, 1, 6), easter.AddDays(-2), easter.AddDays(1), new(year, 5, 1), easter.AddDays(39),
            new(year, 6, 6), midsummerEve, new(year, 12, 24), new(year, 12, 25), new(year, 12, 26), new(year, 12, 31),
        ];
    }

    /// <summary>The Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        return new DateOnly(year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
    }
}
