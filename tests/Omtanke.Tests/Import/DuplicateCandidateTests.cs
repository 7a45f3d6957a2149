using System.Text;
using Omtanke.Core.Import;
using Omtanke.Core.Sources;

namespace Omtanke.Tests.Import;

/// <summary>
/// The filter that picks the lines the exact uniqueness check in SQL looks at: it must never miss a repeated key,
/// wherever in a large file the repeat is, and should pick few lines that repeat nothing.
/// </summary>
public sealed class DuplicateCandidateTests
{
    /// <summary>Adds rows as the import does, a batch of 2 048 at a time (the last one partly filled).</summary>
    private static void AddInBatches(DuplicateCandidates candidates, SourceDefinition source, IEnumerable<(Action<RowValues> Fill, int Line)> rows)
    {
        var batch = new RowBatch(source, 2048);
        foreach (var (fill, line) in rows)
        {
            batch.Values[batch.Count].Clear();
            fill(batch.Values[batch.Count]);
            batch.Lines[batch.Count++] = line;
            if (batch.Count < batch.Values.Length) continue;
            candidates.Add(batch);
            batch.Count = 0;
        }
        if (batch.Count > 0) candidates.Add(batch);
    }

    private static (Action<RowValues>, int) Visit(string besokId, int line) =>
        (values => values[LakarbesokSource.Definition.IndexOf("besok_id")] = besokId, line);

    [Test]
    public void Every_repeated_key_is_a_candidate_and_few_unique_keys_are()
    {
        var candidates = new DuplicateCandidates(LakarbesokSource.Definition, fileBytes: 16_000_000);
        const int rows = 200_000;
        var repeats = new[] { 2, 777, 150_001, rows + 1 };
        AddInBatches(candidates, LakarbesokSource.Definition,
            Enumerable.Range(2, rows).Select(line => Visit($"B{line}", line))
                .Concat(repeats.Select((repeated, i) => Visit($"B{repeated}", rows + 2 + i))));

        var repeatLines = Enumerable.Range(rows + 2, repeats.Length);
        Assert.Multiple(() =>
        {
            Assert.That(candidates.Lines, Is.SupersetOf(repeatLines));
            Assert.That(candidates.Lines.Count - repeats.Length, Is.LessThan(rows / 1000), "false candidates");
            Assert.That(candidates.Complete, Is.True);
        });
    }

    [Test]
    public void A_key_of_several_columns_repeats_only_when_every_column_does()
    {
        var source = HemsjukvardSource.Definition;
        var candidates = new DuplicateCandidates(source, fileBytes: 1000);
        var rows = new[] { (2024, 3, "1380"), (2024, 3, "1381"), (2024, 4, "1380"), (2024, 3, "1380") };
        AddInBatches(candidates, source, rows.Select(((int Year, int Month, string Kommunkod) r, int i) => ((Action<RowValues>)(values =>
        {
            values[source.IndexOf("period")] = new DateOnly(r.Year, r.Month, 1);
            values[source.IndexOf("kommunkod")] = r.Kommunkod;
        }), i + 2)));
        Assert.That(candidates.Lines, Is.EqualTo(new[] { 5 }));
    }

    [Test]
    public void Decimals_that_are_equal_in_PostgreSQL_are_the_same_key()
    {
        var source = new SourceDefinition
        {
            Id = "matning", Title = "Mätning", Granularity = SourceGranularity.Aggregate,
            Columns = [new("varde", new DecimalType(0, 100))], ReferenceDateRule = "",
            ReferenceDate = _ => new DateOnly(2024, 1, 1), UniqueKeys = [["varde"]],
        };
        var candidates = new DuplicateCandidates(source, fileBytes: 1000);
        AddInBatches(candidates, source, new[] { (1.5m, 2), (1.50m, 3) }
            .Select(r => ((Action<RowValues>)(values => values[0] = r.Item1), r.Item2)));
        Assert.That(candidates.Lines, Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public async Task A_key_repeated_far_into_a_large_file_rejects_it_naming_both_lines()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var csv = new StringBuilder(Extracts.LakarbesokHeader + "\n");
        for (var i = 0; i < 50_000; i++) csv.Append($"B{i};19400101-{i % 9000 + 1000};1380;VC Centrum;L{i % 7};2024-03-{i % 28 + 1:D2}\n");
        csv.Append("B17;19400101-1234;1381;VC Väster;L1;2024-03-05\n");
        var file = folder.WriteText("lakarbesok.csv", csv.ToString());

        await service.ImportRejectedWithAsync(file, new ImportError(50_002, "besok_id", "B17",
            "Dubblett av rad 19: besok_id ska vara unikt i filen."));
    }
}
