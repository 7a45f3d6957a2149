using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Indicators;

/// <summary>
/// The recompute after each delivery touches only the months the delivery can affect; over the whole sample
/// data set (every source, corrections, per-municipality deliveries) it must leave exactly what a full
/// recompute gives.
/// </summary>
public sealed class RecomputeEquivalenceTests
{
    [Test]
    public async Task Recomputing_after_each_delivery_gives_the_same_values_as_a_full_recompute()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        var samples = Path.Combine(RepositoryPaths.DataSamples, "extracts");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var outcome = await service.Importer.ImportAsync(new ImportRequest(file, "test", "test"));
            Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
        }
        var incremental = await SnapshotAsync(service.Db);

        await using (var conn = await service.Db.OpenConnectionAsync())
            await service.Engine.RecomputeAllAsync(conn);
        var full = await SnapshotAsync(service.Db);

        Assert.That(incremental, Has.Count.GreaterThan(4_000), "23 indicators × 7 areas × 26 periods, less those without a value");
        Assert.That(incremental.Except(full).Take(20), Is.Empty, "rows only the incremental recompute has");
        Assert.That(full.Except(incremental).Take(20), Is.Empty, "rows only the full recompute has");
    }

    private static async Task<HashSet<string>> SnapshotAsync(NpgsqlDataSource db)
    {
        var rows = new HashSet<string>();
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT concat_ws('|', indicator_id, area, period_type, period, months_with_data, numerator, denominator,
                             value, preliminary, suppressed)
            FROM indicator_values
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
