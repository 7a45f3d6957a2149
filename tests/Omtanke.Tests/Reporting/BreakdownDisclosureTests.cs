using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Extracts;

namespace Omtanke.Tests.Reporting;

public sealed class BreakdownDisclosureTests
{
    private static readonly Breakdown Wards = new("Avdelning", "Per avdelning", "utskrivningsklara", [new("Avdelning", "enhet")],
        new CountMeasure("Vårdtillfällen", "count(*)"),
        [new CountMeasure("Dagar", "sum(d)"), new RatioMeasure("Andel inom 3 dagar", "n3", "count(*)", 100, "0.0")]);

    private static readonly DateOnly March = new(2024, 3, 1);

    private static BreakdownRow Row(string ward, int stays, int days, int withinThree, DateOnly? month = null) =>
        new(month ?? March, [ward], [(stays, 0), (days, 0), (withinThree, stays)]);

    private static string[] Shown(PublishedValue[] values) =>
        values.Select(v => v.Symbol ?? v.Number?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray();

    [Test]
    public void A_small_group_is_hidden_whole_and_a_second_group_with_it()
    {
        // March: A has 3 stays (< 5): hidden whole. Alone it could be derived from the month's total,
        // so the smallest other group, C with 6 stays, is hidden too; B stays visible.
        // B: 8 of 20 stays within 3 days = 40 %.
        var rows = new[] { Row("A", 3, 10, 2), Row("B", 20, 90, 8), Row("C", 6, 12, 6) };
        var published = BreakdownDisclosure.Publish(Wards, rows, new DisclosureSettings());

        Assert.That(Shown(published[0]), Is.EqualTo(new[] { "<5", "..", ".." }));
        Assert.That(Shown(published[1]), Is.EqualTo(new[] { "20", "90", "40" }));
        Assert.That(Shown(published[2]), Is.EqualTo(new[] { "..", "..", ".." }));
    }

    [Test]
    public void A_lone_small_count_hides_the_smallest_other_count_of_the_month_and_months_are_separate()
    {
        // March: every group has enough stays, but A's 2 days are hidden; to protect them the smallest
        // other day count, C's 7, is hidden too. April has no small values and is shown as it is.
        // C's share within 3 days: 5 of 9 = 55.6 %.
        var april = March.AddMonths(1);
        var rows = new[] { Row("A", 5, 2, 5), Row("B", 12, 40, 6), Row("C", 9, 7, 5), Row("A", 7, 3 + 20, 4, april), Row("B", 5, 30, 1, april) };
        var published = BreakdownDisclosure.Publish(Wards, rows, new DisclosureSettings());

        Assert.That(Shown(published[0]), Is.EqualTo(new[] { "5", "<5", "100" }));
        Assert.That(Shown(published[1]), Is.EqualTo(new[] { "12", "40", "50" }));
        Assert.That(Shown(published[2]), Is.EqualTo(new[] { "9", "..", "55.56" }));
        Assert.That(Shown(published[3]), Is.EqualTo(new[] { "7", "23", "57.14" }));
        Assert.That(Shown(published[4]), Is.EqualTo(new[] { "5", "30", "20" }));
    }

    [Test]
    public void The_limit_is_configuration()
    {
        var rows = new[] { Row("A", 8, 30, 4), Row("B", 9, 30, 4) };
        var published = BreakdownDisclosure.Publish(Wards, rows, new DisclosureSettings(10));
        Assert.That(Shown(published[0])[0], Is.EqualTo("<10"));
        Assert.That(Shown(published[1])[0], Is.EqualTo("<10"));
    }
}
