using Omtanke.Core.Storage;
using Omtanke.Core.Targets;

namespace Omtanke.Tests.Targets;

public sealed class TargetStoreTests
{
    [Test]
    public async Task The_default_targets_of_the_catalogue_are_seeded()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        await using var conn = await service.Db.OpenConnectionAsync();
        var history = await TargetStore.HistoryAsync(conn);
        var inForce = new DateOnly(2024, 6, 1);
        Assert.Multiple(() =>
        {
            Assert.That(TargetStore.InForce(history, "flk_andel_sabo", inForce)?.Value, Is.EqualTo(80m));
            // Issue 25: the national goal for a named regular doctor was missing.
            Assert.That(TargetStore.InForce(history, "flk_andel_befolkning", inForce),
                Has.Property(nameof(Target.Value)).EqualTo(55m).And.Property(nameof(Target.Direction)).EqualTo(TargetDirection.AtLeast));
            Assert.That(TargetStore.InForce(history, "pal_brytpunktssamtal", inForce)?.Value, Is.EqualTo(98m));
            Assert.That(TargetStore.InForce(history, "pal_smartskattning", inForce)?.Value, Is.EqualTo(100m));
            Assert.That(TargetStore.InForce(history, "uk_andel_inom_3", inForce), Is.Null);
        });
    }

    [Test]
    public async Task A_changed_target_applies_from_its_month_and_keeps_the_earlier_one_with_who_and_when()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        await using var conn = await service.Db.OpenConnectionAsync();
        await TargetStore.SetAsync(conn, "flk_andel_sabo", 85, TargetDirection.AtLeast, new DateOnly(2024, 4, 1), "analytiker");
        await TargetStore.SetAsync(conn, "uk_medeldagar_somatik", 2.5m, TargetDirection.AtMost, new DateOnly(2024, 1, 1), "analytiker");
        var history = await TargetStore.HistoryAsync(conn);

        Assert.Multiple(() =>
        {
            Assert.That(TargetStore.InForce(history, "flk_andel_sabo", new DateOnly(2024, 3, 1))?.Value, Is.EqualTo(80m));
            Assert.That(TargetStore.InForce(history, "flk_andel_sabo", new DateOnly(2024, 4, 1))?.Value, Is.EqualTo(85m));
            var mean = TargetStore.InForce(history, "uk_medeldagar_somatik", new DateOnly(2024, 2, 1))!;
            Assert.That(mean.IsMetBy(2.4m), Is.True);
            Assert.That(mean.IsMetBy(2.6m), Is.False);
            Assert.That(history.Single(t => t.IndicatorId == "flk_andel_sabo" && t.Value == 85).SetBy, Is.EqualTo("analytiker"));
        });
        var audited = await Sql.ScalarAsync(conn, "SELECT count(*) FROM audit_log WHERE action = 'mål-ändrat'", default);
        Assert.That(audited, Is.EqualTo(2L));
    }

    [Test]
    public async Task A_removed_target_is_no_longer_in_force_from_its_month()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        await using var conn = await service.Db.OpenConnectionAsync();
        await TargetStore.SetAsync(conn, "pal_smartskattning", null, TargetDirection.AtLeast, new DateOnly(2025, 1, 1), "admin");
        var history = await TargetStore.HistoryAsync(conn);
        Assert.That(TargetStore.InForce(history, "pal_smartskattning", new DateOnly(2024, 12, 1))?.Value, Is.EqualTo(100m));
        Assert.That(TargetStore.InForce(history, "pal_smartskattning", new DateOnly(2025, 1, 1)), Is.Null);
    }
}
