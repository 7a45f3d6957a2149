using Omtanke.Tests.Support;

namespace Omtanke.Tests.Import;

/// <summary>An import gathers fresh statistics of the fact table it loaded before the recompute plans its joins.</summary>
public sealed class FactStatisticsTests
{
    /// <summary>The tables among <paramref name="tables"/> that have column statistics, in the order given.</summary>
    private static Task<List<string>> AnalyzedAsync(Core.Storage.OmtankeService service, params string[] tables) => service.RowsAsync(
        "SELECT t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i) WHERE EXISTS " +
        "(SELECT 1 FROM pg_statistic s WHERE s.starelid = t::regclass) ORDER BY i", [tables]);

    [Test]
    public async Task An_import_analyzes_its_fact_table_or_the_partitions_it_loaded_and_no_other_table()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();

        await service.ImportAcceptedAsync(folder.WriteText("uk.csv", Stay.File(new Stay("1", "1380", "2024-03-04", 2))));
        Assert.That(await AnalyzedAsync(service, "fact_utskrivningsklara", "deliveries"), Is.EqualTo(new[] { "fact_utskrivningsklara" }));

        // Twenty patients: that all of their keys fall in one shard has a chance of one in half a million.
        var visits = await service.ImportAcceptedAsync(folder.WriteText("besok.csv",
            Extracts.Lakarbesok(Extracts.VisitRows("B", "1380", "2024-03", 20))));
        string[] shards = [$"fact_lakarbesok_d{visits.DeliveryId}_s0", $"fact_lakarbesok_d{visits.DeliveryId}_s1"];
        Assert.That(await AnalyzedAsync(service, ["fact_utskrivningsklara", .. shards, "deliveries"]),
            Is.EqualTo((string[])["fact_utskrivningsklara", .. shards]));
    }
}
