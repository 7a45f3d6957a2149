using System.Diagnostics;
using System.Globalization;
using System.Text;
using Omtanke.Core.Import;

namespace Omtanke.Benchmark;

/// <summary>
/// The import's client side alone, without a database: reads a CSV file through the same reader and the same
/// parsing pipeline (<see cref="ParsedRows"/>) as an import, into a COPY encoder whose bytes are discarded. Each pass
/// adds one stage and is measured in CPU time, so the differences are each stage's cost per row whichever thread
/// did the work; the last pass also shows how well the two threads overlap (CPU time against wall time).
/// Run: <c>Omtanke.Benchmark --pipeline FILE</c>.
/// </summary>
public static class PipelineProfile
{
    private static readonly PatientIdHasher Hasher = new(Encoding.UTF8.GetBytes("benchmark-patient-key-0123456789"));
    private static readonly ImportContext Context = new(Hasher);

    public static async Task RunAsync(string path)
    {
        var fingerprint = FileFingerprint.Of(path);
        var rows = 0;
        var (read, _) = await PassAsync("läsa (CSV-tolkning)", () =>
        {
            using var reader = TableReader.Open(path, fingerprint);
            var columns = reader.Header.Count;
            while (reader.Read())
            {
                for (var i = 0; i < columns; i++) reader.TryText(i, out _);
                rows++;
            }
            return Task.CompletedTask;
        });
        var (parse, _) = await PassAsync("läsa + tolka och kontrollera + Bloom-filter", () => StreamAsync(path, fingerprint, encode: false));
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var paused = GC.GetTotalPauseDuration();
        var (write, wall) = await PassAsync("läsa + tolka + hasha och koda COPY", () => StreamAsync(path, fingerprint, encode: true));
        Print("per rad: CSV-tolkning", read, rows);
        Print("per rad: tolkning, kontroller, Bloom-filter", parse - read, rows);
        Print("per rad: hash av patient-id och COPY-kodning", write - parse, rows);
        Print("per rad: summa (CPU)", write, rows);
        Console.WriteLine($"  pipeline med två trådar: {wall.TotalSeconds:0.00} s vägg, {write.TotalSeconds:0.00} s CPU " +
                          $"({write / wall:0.00} kärnor), {wall.TotalMicroseconds / rows:0.00} µs/rad");
        Console.WriteLine($"  skräpsamlingar gen 0/1/2: {string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]))}, " +
                          $"paus {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  högsta minne: {Environment.WorkingSet / 1e6:0} MB nu, {process.PeakWorkingSet64 / 1e6:0} MB högst");
    }

    /// <summary>The import's two threads: parsing and checking, and (when encoding) hashing and COPY encoding.</summary>
    private static async Task StreamAsync(string path, FileFingerprint fingerprint, bool encode)
    {
        using var reader = TableReader.Open(path, fingerprint);
        var parser = new RowParser(HeaderMatch.Of(reader.Header, null), Context);
        var source = parser.Source;
        var copy = new BinaryCopyWriter(Stream.Null);
        copy.WriteHeader();
        var summary = await ParsedRows.StreamAsync(reader, parser, fingerprint.Size, batch =>
        {
            for (var i = 0; encode && i < batch.Count; i++)
                FactCopy.Write(copy, source, 1, batch.Lines[i], batch.Values[i], batch.Months[i], batch.Areas[i], Context);
        }, CancellationToken.None);
        if (summary.ErrorCount > 0) throw new InvalidOperationException($"Filen har {summary.ErrorCount} fel: {summary.Errors[0]}");
        copy.Complete();
    }

    /// <summary>The process's CPU time and the wall time of one pass.</summary>
    private static async Task<(TimeSpan Cpu, TimeSpan Wall)> PassAsync(string what, Func<Task> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await run();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  {what}: {clock.Elapsed.TotalSeconds:0.00} s vägg, {cpu.TotalSeconds:0.00} s CPU");
        return (cpu, clock.Elapsed);
    }

    private static void Print(string what, TimeSpan elapsed, int rows) =>
        Console.WriteLine($"  {what}: {(elapsed.TotalMicroseconds / rows).ToString("0.000", CultureInfo.InvariantCulture)} µs");
}
