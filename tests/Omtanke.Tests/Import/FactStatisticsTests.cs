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
    public async Task An_import_analyzes_its_fact_table_or_each_of_its_partitions_and_no_other_table()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        string[] tables = ["fact_utskrivningsklara", "fact_lakarbesok_shard_0", "fact_lakarbesok_shard_1", "deliveries"];

        await service.ImportAcceptedAsync(folder.WriteText("uk.csv", Stay.File(new Stay("1", "1380", "2024-03-04", 2))));
        Assert.That(await AnalyzedAsync(service, tables), Is.EqualTo(new[] { "fact_utskrivningsklara" }));

        // Twenty patients: that all of their keys fall in one shard has a chance of one in half a million.
        await service.ImportAcceptedAsync(folder.WriteText("besok.csv", "besok_id;patient_id;kommunkod;vardcentral;lakare_id;besoksdatum\n" +
            string.Concat(Enumerable.Range(1, 20).Select(i => $"B{i};PAT-{i};1380;Vårdcentralen Söder;L1;2024-03-{i:00}\n"))));
        Assert.That(await AnalyzedAsync(service, tables),
            Is.EqualTo(new[] { "fact_utskrivningsklara", "fact_lakarbesok_shard_0", "fact_lakarbesok_shard_1" }));
    }
}
