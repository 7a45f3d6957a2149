using Omtanke.Core.Import;
using Omtanke.Core.Samples;
using Omtanke.Core.Sources;

namespace Omtanke.Tests.Samples;

public sealed class SampleGeneratorTests
{
    /// <summary>Small enough to be quick, long enough to cross a year (both export formats) and hold the re-deliveries.</summary>
    private static readonly SampleOptions Small = new() { FirstMonth = new DateOnly(2023, 11, 1), Months = 4, Scale = 0.25 };

    public static IEnumerable<string> Sources => SampleGenerator.SourceIds;

    [TestCaseSource(nameof(Sources))]
    public void The_same_options_give_the_same_rows(string sourceId)
    {
        var first = Generate(sourceId, Small);
        Assert.That(first.Split('\n').Length, Is.GreaterThan(2), "the source has rows");
        Assert.That(Generate(sourceId, Small), Is.EqualTo(first));
    }

    [TestCase("slutenvard")]
    [TestCase("lakarbesok")]
    [TestCase("avvikelser")]
    public void Another_seed_gives_other_rows(string sourceId) =>
        Assert.That(Generate(sourceId, Small with { Seed = Small.Seed + 1 }), Is.Not.EqualTo(Generate(sourceId, Small)));

    [TestCaseSource(nameof(Sources))]
    public void Sample_columns_are_the_columns_the_source_declares(string sourceId) =>
        Assert.That(SampleGenerator.Columns(sourceId), Is.EqualTo(SourceCatalog.Get(sourceId).Columns.Select(c => c.Name)));

    [Test]
    public void Every_utskrivningsklara_stay_is_a_slutenvard_stay_of_the_same_patient_and_dates()
    {
        var stays = Rows("slutenvard").ToDictionary(r => r["vardtillfalle_id"]);
        var ready = Rows("utskrivningsklara").ToList();
        Assert.That(ready, Is.Not.Empty);
        foreach (var row in ready)
        {
            Assert.That(stays.TryGetValue(row["vardtillfalle_id"], out var stay), row["vardtillfalle_id"]);
            foreach (var column in new[] { "patient_id", "kommunkod", "alder", "inskrivningsdatum", "utskrivningsdatum" })
                Assert.That(row[column], Is.EqualTo(stay![column]), $"{row["vardtillfalle_id"]} {column}");
        }
    }

    [Test]
    public void Delivered_files_csv_and_excel_are_byte_identical_in_every_run()
    {
        var first = Deliver(Small);
        var second = Deliver(Small);
        try
        {
            Assert.That(second.Files.Select(f => f.RelativePath), Is.EqualTo(first.Files.Select(f => f.RelativePath)));
            Assert.That(first.Files, Has.Some.Matches<WrittenFile>(f => f.RelativePath.EndsWith(".xlsx", StringComparison.Ordinal)));
            foreach (var file in first.Files)
                Assert.That(File.ReadAllBytes(Path.Combine(second.Directory, file.RelativePath)),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(first.Directory, file.RelativePath))), file.RelativePath);
        }
        finally
        {
            Directory.Delete(first.Directory, recursive: true);
            Directory.Delete(second.Directory, recursive: true);
        }
    }

    [Test]
    public async Task Delivered_befolkning_and_utskrivningsklara_files_import_without_errors_and_the_correction_replaces_one_slice()
    {
        var (directory, files) = Deliver(Small);
        try
        {
            await using var service = await TestPostgres.CreateServiceAsync();
            var delivered = files.Where(f => f.SourceId is "befolkning" or "utskrivningsklara")
                .Select(f => f.RelativePath).Order(StringComparer.Ordinal).ToList();
            Assert.That(delivered.Count(f => f.EndsWith(".xlsx", StringComparison.Ordinal)), Is.EqualTo(1), "befolkning in Excel");
            Assert.That(delivered, Has.Some.Contains("/rattelse/"), "a correction");
            foreach (var file in delivered)
            {
                var outcome = await service.Importer.ImportAsync(new ImportRequest(Path.Combine(directory, file), "test", "test"));
                Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
                Assert.That(outcome.ErrorCount, Is.Zero, outcome.Summary());
                if (file.Contains("/rattelse/")) Assert.That(outcome.SlicesSuperseded, Is.EqualTo(1), outcome.Summary());
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Generate(string sourceId, SampleOptions options)
    {
        using var writer = new StringWriter();
        SampleGenerator.Write(sourceId, writer, options);
        return writer.ToString();
    }

    /// <summary>The plain CSV of a source as rows by column name.</summary>
    private static IEnumerable<Dictionary<string, string>> Rows(string sourceId)
    {
        var lines = Generate(sourceId, Small).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        return lines.Skip(1).Select(line => header.Zip(line.Split(';')).ToDictionary(x => x.First, x => x.Second));
    }

    private static (string Directory, IReadOnlyList<WrittenFile> Files) Deliver(SampleOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "omtanke-samples-" + Guid.NewGuid().ToString("N")[..8]);
        return (directory, SampleGenerator.WriteDeliveries(directory, options));
    }
}
