namespace Omtanke.Core.Samples;

/// <summary>
/// Realistic, deterministic sample extracts of all ten sources of EXTRACTS.md. Rows are written as they
/// are generated, so any size can be streamed: the benchmark writes national-scale files with
/// <see cref="WriteSlutenvard"/> and <see cref="WriteLakarbesok"/>; <see cref="WriteDeliveries"/> writes
/// data-samples/ with the variety of formats and deliveries that real extracts have.
/// </summary>
public static class SampleGenerator
{
    private sealed record Source(SampleTable Table, Func<SampleOptions, IEnumerable<object?[]>> Rows);

    private static readonly IReadOnlyList<Source> All =
    [
        new(UtskrivningsklaraSamples.Table, o => new StaySimulation(o).Run().Select(UtskrivningsklaraSamples.Row).OfType<object?[]>()),
        new(SlutenvardSamples.Table, o => new StaySimulation(o).Run().Select(SlutenvardSamples.Row)),
        new(SipSamples.Table, SipSamples.Rows),
        new(FastLakarkontaktSamples.Table, FastLakarkontaktSamples.Rows),
        new(KontinuitetSamples.Table, KontinuitetSamples.Rows),
        new(LakarbesokSamples.Table, LakarbesokSamples.Rows),
        // One extract at the end of the period: the answers given by then are in it.
        new(AvvikelserSamples.Table, o => AvvikelserSamples.Cases(o).Select(c => c.Row(Deviation.ExtractedAfter(o.LastMonth)))),
        new(HemsjukvardSamples.Table, HemsjukvardSamples.Rows),
        new(PalliativSamples.Table, PalliativSamples.Rows),
        new(BefolkningSamples.Table, BefolkningSamples.Rows),
    ];

    /// <summary>The ten sources, by the ids of EXTRACTS.md.</summary>
    public static IReadOnlyList<string> SourceIds { get; } = All.Select(s => s.Table.SourceId).ToList();

    /// <summary>The column names a source's sample files have (before a format leaves out or adds any).</summary>
    public static IReadOnlyList<string> Columns(string sourceId) => Find(sourceId).Table.Columns.Select(c => c.Name).ToList();

    /// <summary>
    /// Streams one source's rows for all the options' months as one CSV: UTF-8 as the writer encodes it,
    /// <c>;</c>, the column names of EXTRACTS.md. Returns the number of rows.
    /// </summary>
    public static long Write(string sourceId, TextWriter writer, SampleOptions options)
    {
        var source = Find(sourceId);
        using var sink = new CsvSink(writer, source.Table, SampleFormat.Plain, ownsWriter: false);
        foreach (var row in source.Rows(options.Validated())) sink.Write(row);
        return sink.Rows;
    }

    public static long WriteSlutenvard(TextWriter writer, SampleOptions options) => Write(SlutenvardSamples.Table.SourceId, writer, options);

    public static long WriteLakarbesok(TextWriter writer, SampleOptions options) => Write(LakarbesokSamples.Table.SourceId, writer, options);

    /// <summary>Writes every source as its deliveries arrive in reality into <paramref name="directory"/>; see <see cref="SampleDeliveries"/>.</summary>
    public static IReadOnlyList<WrittenFile> WriteDeliveries(string directory, SampleOptions options) =>
        new SampleDeliveries(directory, options.Validated()).WriteAll();

    private static Source Find(string sourceId) =>
        All.FirstOrDefault(s => s.Table.SourceId == sourceId)
        ?? throw new ArgumentException($"No samples for source {sourceId}. Sources: {string.Join(", ", SourceIds)}.", nameof(sourceId));
}
