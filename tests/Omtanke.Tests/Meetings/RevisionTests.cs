using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Tests.Reporting;

namespace Omtanke.Tests.Meetings;

/// <summary>Issue 26, "Revisions": a value that differs from the latest snapshot that showed it, with its cause.</summary>
public sealed class RevisionTests
{
    [Test]
    public async Task A_correction_after_an_approval_is_a_revision_of_exactly_the_values_it_changed_with_its_file_as_cause()
    {
        await using var service = await ReportTestData.ServiceAsync();
        var snapshot = await service.ApproveAsync(MeetingTestSupport.February);
        await service.CorrectVarbergFebruaryAsync();

        var revisions = await service.RevisionsAsync();

        Assert.That(revisions, Is.Not.Empty);
        // Numbers move only where the correction's slice is (Varberg and the region, February); elsewhere disclosure
        // control, which decides over the year at once, may only have hidden or shown a value.
        var moved = revisions.Where(r => !r.Presented.Shown.IsHidden && !r.Current.Shown.IsHidden).ToList();
        Assert.That(moved.Select(r => (r.Area, r.Period)).Distinct(),
            Is.SubsetOf(new[] { (MeetingTestSupport.Varberg, "2024-02"), (Areas.Region, "2024-02") }));
        Assert.That(revisions.Select(r => r.SnapshotId), Is.All.EqualTo(snapshot));
        var varberg = moved.Where(r => r.Area == MeetingTestSupport.Varberg && r.Presented.Text != r.Current.Text).ToList();
        Assert.That(varberg, Is.Not.Empty, "the correction moves some of Varberg's February values");
        Assert.That(varberg.Select(r => r.Causes), Is.All.EqualTo(new[] { MeetingTestSupport.CorrectionFile }));
    }

    [Test]
    public async Task A_presented_value_is_the_value_the_group_saw_and_the_current_one_what_values_shows_now()
    {
        await using var service = await ReportTestData.ServiceAsync();
        // The snapshot holds February and the 12 months before it; a correction may change any of them (disclosure control
        // decides over the year at once).
        ValuesFilter[] months = [new(MeetingTestSupport.February.AddMonths(-12), MeetingTestSupport.February)];
        var data = await ReportData.LoadAsync(service.Db, new DisclosureSettings(5), months, default);
        await service.ApproveAsync(MeetingTestSupport.February);
        await service.CorrectVarbergFebruaryAsync();
        var after = await ReportData.LoadAsync(service.Db, new DisclosureSettings(5), months, default);

        foreach (var r in await service.RevisionsAsync())
        {
            var indicator = IndicatorCatalog.Find(r.Indicator)!;
            Assert.That(r.Presented.Shown, Is.EqualTo(data.Published(indicator, r.Area, r.Period)), $"{r.Indicator} {r.Area}");
            Assert.That(r.Current.Shown, Is.EqualTo(after.Published(indicator, r.Area, r.Period)), $"{r.Indicator} {r.Area}");
        }
    }

    [Test]
    public async Task Without_a_delivery_since_the_approval_there_is_no_revision()
    {
        await using var service = await ReportTestData.ServiceAsync();
        await service.ApproveAsync(MeetingTestSupport.February);
        await using (var conn = await service.Db.OpenConnectionAsync())
            await service.Engine.RecomputeAllAsync(conn);

        Assert.That(await service.RevisionsAsync(), Is.Empty);
    }

    [Test]
    public async Task Approving_again_makes_a_new_snapshot_and_revisions_compare_with_the_latest_that_showed_the_value()
    {
        await using var service = await ReportTestData.ServiceAsync();
        var first = await service.ApproveAsync(MeetingTestSupport.February);
        await service.CorrectVarbergFebruaryAsync();
        var second = await service.ApproveAsync(MeetingTestSupport.February);

        Assert.That(second, Is.GreaterThan(first));
        Assert.That(await service.RevisionsAsync(), Is.Empty, "the second snapshot showed the corrected values");
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM meeting_snapshot_values WHERE snapshot_id = $1", first),
            Is.EqualTo(await service.ScalarAsync<long>("SELECT count(*) FROM meeting_snapshot_values WHERE snapshot_id = $1", second)));
    }

    [Test]
    public async Task The_revisions_of_a_month_compare_with_that_months_snapshot_not_a_later_one()
    {
        await using var service = await ReportTestData.ServiceAsync();
        var february = await service.ApproveAsync(MeetingTestSupport.February);
        await service.CorrectVarbergFebruaryAsync();
        await service.ApproveAsync(new DateOnly(2024, 3, 1));

        var ofFebruary = await service.RevisionsAsync(MeetingTestSupport.February);

        Assert.That(ofFebruary, Is.Not.Empty);
        Assert.That(ofFebruary.Select(r => r.SnapshotId), Is.All.EqualTo(february));
        Assert.That(await service.RevisionsAsync(), Is.Empty, "March's snapshot showed February as corrected");
    }

    [Test]
    public async Task A_snapshot_holds_a_hidden_value_only_as_its_symbol()
    {
        await using var service = await ReportTestData.ServiceAsync();
        var id = await service.ApproveAsync(MeetingTestSupport.February);

        var hidden = await service.RowsAsync(
            "SELECT coalesce(value::text, '') || '|' || coalesce(numerator::text, '') || '|' || symbol FROM meeting_snapshot_values " +
            "WHERE snapshot_id = $1 AND symbol IS NOT NULL", id);
        Assert.That(hidden, Is.Not.Empty, "Hylte's few stays are hidden");
        Assert.That(hidden, Is.All.Matches<string>(row => row.StartsWith("||", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_snapshot_names_the_deliveries_behind_each_value()
    {
        await using var service = await ReportTestData.ServiceAsync();
        var id = await service.ApproveAsync(new DateOnly(2024, 3, 1));

        // Halmstad's March is held by its correction (the third delivery), Varberg's by the stays file (the second).
        var rows = await service.RowsAsync("""
            SELECT area, delivery_ids::text FROM meeting_snapshot_values
            WHERE snapshot_id = $1 AND indicator_id = 'uk_betalningsdagar' AND period = '2024-03' AND area IN ('1380', '1383')
            ORDER BY area
            """, id);
        Assert.That(rows, Is.EqualTo(new[] { "1380|{3}", "1383|{2}" }));
    }

    [TestCase("1", "1.04", "final", "final", false, TestName = "A move within the share is not material")]
    [TestCase("1", "1.06", "final", "final", true, TestName = "A move beyond the share is material")]
    [TestCase("1", "..", "final", "final", true, TestName = "A value that becomes hidden is material")]
    [TestCase("1", "", "final", "", true, TestName = "A value that disappears is material")]
    [TestCase("1", "1", "preliminary", "final", false, TestName = "A value that only becomes final is a revision but not material")]
    public void Materiality_follows_the_share_and_the_visibility(string presented, string current, string presentedStatus,
        string currentStatus, bool material)
    {
        var before = Value(presented, presentedStatus, "met", "none");
        var after = Value(current, currentStatus, "met", "none");

        Assert.That(Revision.Differs(before, after), Is.True);
        Assert.That(Revision.IsMaterial(before, after, MeetingSettings.Default), Is.EqualTo(material));
    }

    [Test]
    public void A_changed_target_or_signal_verdict_is_material_even_without_a_move()
    {
        var before = Value("1", "final", "met", "none");
        Assert.That(Revision.IsMaterial(before, before with { Target = "not_met" }, MeetingSettings.Default), Is.True);
        Assert.That(Revision.IsMaterial(before, before with { Signal = "concern" }, MeetingSettings.Default), Is.True);
    }

    private static MeetingValue Value(string text, string status, string target, string signal) => new("uk_betalningsdagar",
        "1383", MeetingTestSupport.February,
        text == "" ? PublishedValue.Missing : text == ".." ? PublishedValue.Hidden("..") : PublishedValue.Shown(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
        null, status == "" ? null : status, target, signal);
}
