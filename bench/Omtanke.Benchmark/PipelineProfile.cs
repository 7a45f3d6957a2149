using System.Diagnostics;
using System.Globalization;
using System.Text;
using Omtanke.Core.Import;

namespace Omtanke.Benchmark;

/// <summary>
/// The import's client side alone, without a database: reads a CSV file through the same reader, parser and
/// COPY encoder as an import, into a sink that discards the bytes. Each single-threaded pass adds one stage, so
/// the differences are each stage's cost per row; the last pass runs the real two-thread pipeline and shows how
/// well the threads overlap (CPU time against wall time). Run: <c>Omtanke.Benchmark --pipeline FILE</c>.
/// </summary>
public static class PipelineProfile
{
    private static readonly PatientIdHasher Hasher = new(Encoding.UTF8.GetBytes("benchmark-patient-key-0123456789"));
    private static readonly ImportContext Context = new(Hasher);

    public static async Task RunAsync(string path)
    {
        var fingerprint = FileFingerprint.Of(path);
        var rows = 0;
        var read = Pass("läsa (CSV-tolkning)", () =>
        {
            using var reader = TableReader.Open(path, fingerprint);
            var columns = reader.Header.Count;
            var n = 0;
            while (reader.Read())
            {
                for (var i = 0; i < columns; i++) reader.TryText(i, out _);
                n++;
            }
            rows = n;
        });
        var parse = Pass("läsa + tolka och kontrollera + Bloom-filter", () => Produce(path, fingerprint, null));
        var write = Pass("läsa + tolka + hasha och koda COPY", () => Produce(path, fingerprint, Stream.Null));
        Print("per rad: CSV-tolkning", read, rows);
        Print("per rad: tolkning, kontroller, Bloom-filter", parse - read, rows);
        Print("per rad: hash av patient-id och COPY-kodning", write - parse, rows);
        Print("per rad: summa en tråd", write, rows);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        using (var reader = TableReader.Open(path, fingerprint))
        {
            var header = HeaderMatch.Of(reader.Header, null);
            var parser = new RowParser(header, Context);
            var copy = new BinaryCopyWriter(Stream.Null);
            copy.WriteHeader();
            var source = parser.Source;
            await ParsedRows.StreamAsync(reader, parser, fingerprint.Size, batch =>
            {
                for (var i = 0; i < batch.Count; i++)
                    FactCopy.Write(copy, source, 1, batch.Lines[i], batch.Values[i], batch.Months[i], batch.Areas[i], Context);
            }, CancellationToken.None);
            copy.Complete();
        }
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  pipeline med två trådar: {clock.Elapsed.TotalSeconds:0.00} s vägg, {cpu.TotalSeconds:0.00} s CPU " +
                          $"({cpu / clock.Elapsed:0.00} kärnor), {clock.Elapsed.TotalMicroseconds / rows:0.00} µs/rad");
        Console.WriteLine($"  skräpsamlingar gen 0/1/2: {string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]))}, " +
                          $"paus {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s");
        Console.WriteLine($"  högsta minne: {Environment.WorkingSet / 1e6:0} MB nu, {process.PeakWorkingSet64 / 1e6:0} MB högst");
    }

    /// <summary>What the import's parsing thread does for every row; with a sink, also what its writing thread does.</summary>
    private static void Produce(string path, FileFingerprint fingerprint, Stream? sink)
    {
        using var reader = TableReader.Open(path, fingerprint);
        var header = HeaderMatch.Of(reader.Header, null);
        var parser = new RowParser(header, Context);
        var source = parser.Source;
        var batch = new RowBatch(source, 2048);
        var duplicates = new DuplicateCandidates(source, fingerprint.Size);
        var slices = new Dictionary<(DateOnly, string), int>();
        var copy = sink is null ? null : new BinaryCopyWriter(sink);
        copy?.WriteHeader();
        while (reader.Read())
        {
            var values = batch.Values[batch.Count];
            if (parser.Parse(reader, values).Count > 0) throw new InvalidOperationException($"Rad {reader.Line} har fel.");
            var area = source.Area(values);
            var reference = source.ReferenceDate(values);
            var month = new DateOnly(reference.Year, reference.Month, 1);
            slices[(month, area)] = slices.GetValueOrDefault((month, area)) + 1;
            (batch.Lines[batch.Count], batch.Areas[batch.Count], batch.Months[batch.Count]) = (reader.Line, area, month);
            if (++batch.Count == batch.Values.Length) Hand(batch);
        }
        Hand(batch);
        copy?.Complete();

        void Hand(RowBatch full)
        {
            duplicates.Add(full);
            for (var i = 0; copy is not null && i < full.Count; i++)
                FactCopy.Write(copy, source, 1, full.Lines[i], full.Values[i], full.Months[i], full.Areas[i], Context);
            full.Count = 0;
        }
    }

    private static TimeSpan Pass(string what, Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        Console.WriteLine($"  {what}: {clock.Elapsed.TotalSeconds:0.00} s");
        return clock.Elapsed;
    }

    private static void Print(string what, TimeSpan elapsed, int rows) =>
        Console.WriteLine($"  {what}: {(elapsed.TotalMicroseconds / rows).ToString("0.000", CultureInfo.InvariantCulture)} µs");
}
