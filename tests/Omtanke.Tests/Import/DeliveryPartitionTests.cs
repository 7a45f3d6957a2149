using Omtanke.Tests.Support;

namespace Omtanke.Tests.Import;

/// <summary>
/// The läkarbesök are partitioned by delivery: each import loads its visits into a partition of its own, split by the
/// patients' shard, and attaches it to <c>fact_lakarbesok</c>; a refused file or a dry run leaves no partition behind.
/// </summary>
public sealed class DeliveryPartitionTests
{
    /// <summary>A file of visits in Halmstad in March 2024.</summary>
    private static string March(string idPrefix, int count) => Extracts.Lakarbesok(Extracts.VisitRows(idPrefix, "1380", "2024-03", count));

    /// <summary>Each partition of the visits with its parent, its row count and its partition bound, by name.</summary>
    private static Task<List<string>> PartitionsAsync(Core.Storage.OmtankeService service) => service.RowsAsync("""
        SELECT t.relid::regclass::text, t.parentrelid::regclass::text, t.isleaf::text,
               (SELECT count(*) FROM fact_lakarbesok f WHERE f.tableoid = t.relid), pg_get_expr(c.relpartbound, c.oid)
        FROM pg_partition_tree('fact_lakarbesok') t JOIN pg_class c ON c.oid = t.relid
        WHERE t.level > 0 ORDER BY 1
        """);

    [Test]
    public async Task Each_delivery_of_visits_is_a_partition_of_its_own_split_in_two_shards()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();

        var first = await service.ImportAcceptedAsync(folder.WriteText("mars.csv", March("B", 20)));
        var second = await service.ImportAcceptedAsync(folder.WriteText("mars-igen.csv", March("C", 12)));

        var (d1, d2) = ($"fact_lakarbesok_d{first.DeliveryId}", $"fact_lakarbesok_d{second.DeliveryId}");
        var partitions = await PartitionsAsync(service);
        Assert.That(partitions.Where(p => p.Split('|')[2] == "false"), Is.EqualTo(new[]
        {
            $"{d1}|fact_lakarbesok|false|0|FOR VALUES IN ('{first.DeliveryId}')",
            $"{d2}|fact_lakarbesok|false|0|FOR VALUES IN ('{second.DeliveryId}')",
        }), "a partition per delivery, bound to its id");
        var leaves = partitions.Where(p => p.Split('|')[2] == "true").Select(p => p.Split('|')).ToList();
        Assert.That(leaves.Select(l => $"{l[0]}|{l[1]}|{l[4]}"), Is.EqualTo(new[]
        {
            $"{d1}_s0|{d1}|FOR VALUES IN (0)", $"{d1}_s1|{d1}|FOR VALUES IN (1)",
            $"{d2}_s0|{d2}|FOR VALUES IN (0)", $"{d2}_s1|{d2}|FOR VALUES IN (1)",
        }), "each delivery's partition in the two shards of the continuity's computation");
        Assert.That(leaves.Where(l => l[1] == d1).Sum(l => int.Parse(l[3])), Is.EqualTo(20));
        Assert.That(leaves.Where(l => l[1] == d2).Sum(l => int.Parse(l[3])), Is.EqualTo(12));
        Assert.That(await service.ScalarAsync<long>(
                $"SELECT count(*) FROM fact_lakarbesok WHERE delivery_id = $1 AND current", first.DeliveryId!.Value),
            Is.EqualTo(0), "the second delivery of 2024-03 in 1380 superseded the first's rows in their own partition");
        Assert.That(await service.RowsAsync(
                "SELECT DISTINCT get_byte(patient_key, 0) % 2 = substr(tableoid::regclass::text, length(tableoid::regclass::text))::int FROM fact_lakarbesok"),
            Is.EqualTo(new[] { "True" }), "every visit is in its patient's shard");
    }

    [Test]
    public async Task A_delivery_of_visits_retires_exactly_the_slices_it_holds_across_earlier_deliveries_and_shards()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // Ten patients per slice, so that both shards hold rows of each.
        IEnumerable<string> Slice(string prefix, string kommun, string month) => Extracts.VisitRows(prefix, kommun, month, 10);
        var march = await service.ImportAcceptedAsync(folder.WriteText("mars.csv", Extracts.Lakarbesok(
            [.. Slice("M80-", "1380", "2024-03"), .. Slice("M83-", "1383", "2024-03"), .. Slice("M84-", "1384", "2024-03")])));
        var april = await service.ImportAcceptedAsync(folder.WriteText("april.csv", Extracts.Lakarbesok(Slice("A80-", "1380", "2024-04"))));

        var correction = await service.ImportAcceptedAsync(folder.WriteText("rattelse.csv", Extracts.Lakarbesok(
            [.. Slice("K80-", "1380", "2024-03"), .. Slice("K83-", "1383", "2024-03"), .. Slice("L80-", "1380", "2024-04")])));

        Assert.That(correction.SlicesSuperseded, Is.EqualTo(3));
        Assert.That(await service.RowsAsync("""
                SELECT d.file_name, to_char(f.ref_month, 'YYYY-MM'), f.area, f.current, count(*)
                FROM fact_lakarbesok f JOIN deliveries d ON d.id = f.delivery_id
                GROUP BY 1, 2, 3, 4 ORDER BY f.current, 2, 3, 1
                """), Is.EqualTo(new[]
            {
                "mars.csv|2024-03|1380|False|10", "mars.csv|2024-03|1383|False|10", "april.csv|2024-04|1380|False|10",
                "rattelse.csv|2024-03|1380|True|10", "rattelse.csv|2024-03|1383|True|10", "mars.csv|2024-03|1384|True|10",
                "rattelse.csv|2024-04|1380|True|10",
            }));
        Assert.That(await service.RowsAsync(
                "SELECT tableoid::regclass::text FROM fact_lakarbesok WHERE NOT current GROUP BY tableoid ORDER BY min(delivery_id), 1"),
            Is.EqualTo(new[]
            {
                $"fact_lakarbesok_d{march.DeliveryId}_s0", $"fact_lakarbesok_d{march.DeliveryId}_s1",
                $"fact_lakarbesok_d{april.DeliveryId}_s0", $"fact_lakarbesok_d{april.DeliveryId}_s1",
            }), "retired in both shards of both earlier deliveries");
    }

    [Test]
    public async Task A_refused_file_or_a_dry_run_of_visits_leaves_no_partition()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();

        // Refused after its rows were loaded and attached: the same besok_id twice is found in SQL.
        await service.ImportRejectedAsync(folder.WriteText("dubbel.csv", Extracts.Lakarbesok(
            [.. Extracts.VisitRows("B", "1380", "2024-03", 3), "B1;PAT-9;1380;Vårdcentralen Söder;L1;2024-03-09"])));
        var dryRun = await service.ImportAsync(folder.WriteText("prov.csv", March("B", 3)), dryRun: true);
        Assert.That(dryRun.Status, Is.EqualTo(Core.Import.ImportStatus.Accepted), dryRun.Summary());

        Assert.That(await PartitionsAsync(service), Is.Empty);
        Assert.That(await service.RowsAsync("SELECT relname FROM pg_class WHERE relname ~ '^fact_lakarbesok_d[0-9]'"), Is.Empty);
    }
}
