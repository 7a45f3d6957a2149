using Omtanke.Core.Import;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Import;

/// <summary>
/// Issue 22: a seeded fuzz test over mutants of the sample extracts. Whatever a file holds, an import answers with an
/// outcome (never an exception), a rejected file changes nothing, and an accepted file stores exactly the values of
/// the same rows written cleanly. The same seed makes the same mutants on every run.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 22;
    private const int Mutants = 300;
    /// <summary>The small sample files: the mutations are what is tested, not the size of the files.</summary>
    private const long MaxSeedBytes = 20_000;

    private static List<(string Name, CsvTable Table)> Seeds() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.DataSamples, "extracts"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".csv" or ".txt" && new FileInfo(f).Length <= MaxSeedBytes)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepositoryPaths.Root, f), CsvTable.Read(File.ReadAllBytes(f))!))
            .ToList();

    [Test]
    public async Task Mutated_sample_files_are_rejected_without_a_trace_or_stored_as_their_rows_written_cleanly()
    {
        var seeds = Seeds();
        Assert.That(seeds, Has.Count.GreaterThan(20));
        await using var mutated = await TestPostgres.CreateServiceAsync();
        await using var clean = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var random = new Random(Seed);
        var counts = new Dictionary<string, int> { ["accepted"] = 0, ["unchanged"] = 0, ["rejected"] = 0, ["crashed"] = 0 };
        var failures = new List<string>();
        var before = await mutated.SnapshotAsync("deliveries", "audit_log");

        for (var i = 0; i < Mutants; i++)
        {
            var (name, table) = seeds[random.Next(seeds.Count)];
            var mutant = FuzzMutant.Make(name, table, random);
            var path = folder.WriteBytes($"mutant-{i:D3}{Path.GetExtension(name)}", mutant.Bytes);
            ImportOutcome outcome;
            try
            {
                outcome = await mutated.ImportAsync(path);
            }
            catch (Exception e)
            {
                counts["crashed"]++;
                failures.Add($"{mutant.Mutation}: {e.GetType().Name}: {e.Message}");
                before = await mutated.SnapshotAsync("deliveries", "audit_log");
                continue;
            }
            switch (outcome.Status)
            {
                case ImportStatus.Rejected:
                    counts["rejected"]++;
                    if (Changed(before, await mutated.SnapshotAsync("deliveries", "audit_log")) is { } table2)
                        failures.Add($"{mutant.Mutation}: rejected, but table {table2} changed");
                    break;
                case ImportStatus.Unchanged:
                    counts["unchanged"]++;
                    break;
                default:
                    counts["accepted"]++;
                    if (await DifferenceFromCleanAsync(mutated, clean, folder, i, mutant, outcome) is { } difference)
                        failures.Add($"{mutant.Mutation}: accepted, but {difference}");
                    before = await mutated.SnapshotAsync("deliveries", "audit_log");
                    break;
            }
        }

        TestContext.Out.WriteLine($"fuzz seed {Seed}: {Mutants} tried, {counts["accepted"]} accepted, {counts["unchanged"]} unchanged, " +
                                  $"{counts["rejected"]} rejected, {counts["crashed"]} crashed");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>What differs between the accepted mutant's stored rows and those of its rows written cleanly; null when nothing.</summary>
    private static async Task<string?> DifferenceFromCleanAsync(OmtankeService mutated, OmtankeService clean, TempFolder folder,
        int i, FuzzMutant mutant, ImportOutcome outcome)
    {
        if (mutant.Rows is null) return "the reference reader finds no table in it";
        var cleanOutcome = await clean.ImportAsync(folder.WriteBytes($"clean-{i:D3}.csv", mutant.Rows.Clean()));
        var cleanDelivery = cleanOutcome.Status switch
        {
            ImportStatus.Accepted => cleanOutcome.DeliveryId,
            ImportStatus.Unchanged => cleanOutcome.SameAsDelivery,
            _ => null,
        };
        if (cleanDelivery is null) return $"its rows written cleanly are rejected: {cleanOutcome.Summary()}";
        if (cleanOutcome.SourceId != outcome.SourceId) return $"read as {outcome.SourceId}, written cleanly as {cleanOutcome.SourceId}";
        var source = SourceCatalog.Find(outcome.SourceId!)!;
        var stored = await FactRowsAsync(mutated, source, outcome.DeliveryId!.Value);
        var expected = await FactRowsAsync(clean, source, cleanDelivery.Value);
        return stored.SequenceEqual(expected) ? null
            : $"stored {stored.Except(expected).FirstOrDefault() ?? "fewer rows"} where written cleanly {expected.Except(stored).FirstOrDefault() ?? "fewer rows"}";
    }

    private static Task<List<string>> FactRowsAsync(OmtankeService service, SourceDefinition source, long delivery) =>
        service.RowsAsync($"SELECT {string.Join(", ", source.Columns.Select(c => c.DbName))} FROM {source.FactTable} " +
                          "WHERE delivery_id = $1 ORDER BY 1, 2, 3, 4", delivery);

    private static string? Changed(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        before.Keys.Concat(after.Keys).Distinct()
            .FirstOrDefault(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || !a.SequenceEqual(b));
}
