using System.Globalization;
using System.Text;
using Npgsql;
using Omtanke.Benchmark;
using Omtanke.Core.Samples;
using Omtanke.Core.Storage;

// National-scale benchmark of OmtankeIndikatorer: generates the data on the fly, imports it through the command
// line as a separate process (so its memory is measured alone), and prints the figures against the goals.
// Usage: Omtanke.Benchmark [--dir DIR] [--keep]. Uses OMTANKE_DB when set, else a throwaway local cluster.
// Omtanke.Benchmark --pipeline FILE profiles the import's client side alone (no database), stage by stage.
if (args is ["--pipeline", var pipelineFile])
{
    await PipelineProfile.RunAsync(pipelineFile);
    return;
}

var dir = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault()
          ?? Path.Combine(Path.GetTempPath(), "omtanke-benchmark-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss"));
var keep = args.Contains("--keep");
Directory.CreateDirectory(dir);
var report = new BenchmarkReport();

EmbeddedPostgres? embedded = null;
var connectionString = Environment.GetEnvironmentVariable(OmtankeSettings.ConnectionVariable);
if (string.IsNullOrWhiteSpace(connectionString))
{
    embedded = new EmbeddedPostgres(Path.Combine(dir, "cluster"));
    connectionString = await embedded.EnsureStartedAsync();
}
try
{
    var environment = new Dictionary<string, string>
    {
        [OmtankeSettings.ConnectionVariable] = connectionString,
        [OmtankeSettings.PatientKeyVariable] = "benchmark-patient-key-0123456789",
    };
    var settle = new Settling(connectionString);
    var cli = new CliRunner(Path.Combine(AppContext.BaseDirectory, "omtanke.dll"), environment, settle);
    var files = new DataFiles(Path.Combine(dir, "data"), report);

    await cli.ImportAsync("befolkning", files.Befolkning, report);
    await cli.ImportAsync("utskrivningsklara (1 000 000 rader)", files.Utskrivningsklara, report);
    await cli.ImportAsync("slutenvard (24 månader)", files.Slutenvard, report);
    var largest = await cli.ImportAsync("lakarbesok (24 månader, största filen)", files.Lakarbesok, report);
    var copy = await PsqlCopy.TimeAsync(connectionString, files.Lakarbesok, settle);
    report.Add("psql \\copy av lakarbesok till otabell utan index", copy, "");
    report.Goal("import / psql \\copy (laddning, utan omräkning)", largest.Load.TotalSeconds / copy.TotalSeconds, "≤ 2");
    report.Goal("import / psql \\copy (hela importen)", largest.Total.TotalSeconds / copy.TotalSeconds, "");

    var full = await cli.RunAsync(["recompute"]);
    report.Goal("full omräkning av alla indikatorer (s)", full.Elapsed.TotalSeconds, "< 120");

    // The monthly delivery: the month after the 24, of the same people.
    var month = await cli.ImportAsync("nästa månads leverans (2025-01), slutenvard", files.SlutenvardNextMonth, report);
    report.Goal("omräkning efter en månads leverans, slutenvard (s)", month.Recompute.TotalSeconds, "< 15");
    var visits = await cli.ImportAsync("nästa månads leverans (2025-01), lakarbesok", files.LakarbesokNextMonth, report);
    report.Goal("omräkning efter en månads leverans, lakarbesok (s)", visits.Recompute.TotalSeconds, "< 15");
    // A correction that replaces a whole month with other visits (another seed): every patient of the old and the
    // new month is affected, about twice a month's patients — the worst case a month's delivery can be.
    var stays = await cli.ImportAsync("korrigering av 2024-12 med andra rader, slutenvard", files.SlutenvardCorrection, report);
    report.Goal("omräkning efter korrigering av en månad, slutenvard (s)", stays.Recompute.TotalSeconds, "");
    var corrected = await cli.ImportAsync("korrigering av 2024-12 med andra rader, lakarbesok", files.LakarbesokCorrection, report);
    report.Goal("omräkning efter korrigering av en månad, lakarbesok (s)", corrected.Recompute.TotalSeconds, "");

    var values = await cli.RunAsync(["values", "--from", "2024-01", "--to", "2024-12"]);
    report.Goal($"values för ett år, {values.Output.Count(c => c == '\n') - 1} rader (s)", values.Elapsed.TotalSeconds, "");
    // Fails the run (exit 1) where any hidden cell can be derived; its output lists them.
    var audit = await cli.RunAsync(["audit", "disclosure"]);
    report.Goal($"audit disclosure, {AuditFigure(audit.Output, "Dolda celler")} dolda celler, " +
        $"{AuditFigure(audit.Output, "Härledbara dolda celler")} härledbara (s)", audit.Elapsed.TotalSeconds, "< 60");
    report.Goal("högsta minne för en import (MB)", report.PeakImportMegabytes, "< 300");
}
finally
{
    report.Print(Console.Out);
    if (embedded is not null) await embedded.StopAsync();
    if (!keep) Directory.Delete(dir, recursive: true);
}

static string AuditFigure(string output, string label) =>
    output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label + ":"))?[(label.Length + 1)..].Trim() ?? "?";

/// <summary>The generated national-scale files: written once, streamed, with their row counts reported.</summary>
internal sealed class DataFiles(string dir, BenchmarkReport report)
{
    private static readonly SampleOptions TwoYears = new() { FirstMonth = new DateOnly(2023, 1, 1), Months = 24 };
    private static readonly SampleOptions NextMonth = TwoYears with { FirstMonth = new DateOnly(2025, 1, 1), Months = 1 };
    private static readonly SampleOptions Correction = TwoYears with { FirstMonth = new DateOnly(2024, 12, 1), Months = 1, Seed = 7 };

    public string Befolkning => Generate("befolkning", TwoYears with { Scale = 21 });
    public string Utskrivningsklara => Generate("utskrivningsklara", TwoYears with { Scale = 94 });
    public string Slutenvard => Generate("slutenvard", TwoYears with { Scale = 21 });
    public string Lakarbesok => Generate("lakarbesok", TwoYears with { Scale = 82 });
    public string SlutenvardNextMonth => Generate("slutenvard", NextMonth with { Scale = 21 }, "-2025-01");
    public string LakarbesokNextMonth => Generate("lakarbesok", NextMonth with { Scale = 82 }, "-2025-01");
    public string SlutenvardCorrection => Generate("slutenvard", Correction with { Scale = 21 }, "-2024-12");
    public string LakarbesokCorrection => Generate("lakarbesok", Correction with { Scale = 82 }, "-2024-12");

    private string Generate(string source, SampleOptions options, string suffix = "")
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, source + suffix + ".csv");
        if (File.Exists(path)) return path;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long rows;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
            rows = SampleGenerator.Write(source, writer, options);
        report.Add($"genererade {Path.GetFileName(path)}: {rows:N0} rader, {new FileInfo(path).Length / 1e6:N0} MB", clock.Elapsed, "");
        return path;
    }
}

internal sealed record ImportFigures(TimeSpan Total, TimeSpan Load, TimeSpan Recompute);

/// <summary>Runs the command line as its own process against the benchmark's database.</summary>
internal sealed class CliRunner(string dll, IDictionary<string, string> environment, Settling settle)
{
    public async Task<ChildRun> RunAsync(IEnumerable<string> args)
    {
        await settle.WaitAsync();
        var run = await ChildProcess.RunAsync("dotnet", [dll, .. args], environment);
        if (run.ExitCode != 0) throw new InvalidOperationException($"omtanke {string.Join(' ', args)} failed: {run.Output}");
        return run;
    }

    public async Task<ImportFigures> ImportAsync(string label, string file, BenchmarkReport report)
    {
        var run = await RunAsync(["import", file]);
        await using var conn = new NpgsqlConnection(environment[OmtankeSettings.ConnectionVariable]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT row_count, load_ms, recompute_ms FROM deliveries ORDER BY id DESC LIMIT 1", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var (rows, load, recompute) = (r.GetInt32(0), TimeSpan.FromMilliseconds(r.GetInt32(1)), TimeSpan.FromMilliseconds(r.GetInt32(2)));
        report.Add($"import {label}: {rows:N0} rader, {rows / load.TotalSeconds:N0} rader/s laddning, " +
                   $"omräkning {recompute.TotalSeconds:N1} s, högsta minne {run.PeakBytes / 1e6:N0} MB", run.Elapsed, "");
        report.PeakImportMegabytes = Math.Max(report.PeakImportMegabytes, run.PeakBytes / 1e6);
        return new ImportFigures(run.Elapsed, load, recompute);
    }
}

/// <summary>The reference: psql's \copy of the same CSV into an unindexed table of text columns.</summary>
internal static class PsqlCopy
{
    public static async Task<TimeSpan> TimeAsync(string connectionString, string csv, Settling settle)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var header = File.ReadLines(csv).First().Split(';');
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"DROP TABLE IF EXISTS benchmark_copy; CREATE TABLE benchmark_copy ({string.Join(", ", header.Select(h => $"\"{h}\" text"))})", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = builder.Password ?? "" };
        await settle.WaitAsync();
        var run = await ChildProcess.RunAsync("psql",
            ["-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!,
             "-v", "ON_ERROR_STOP=1", "-c", $"\\copy benchmark_copy FROM '{csv}' WITH (FORMAT csv, HEADER true, DELIMITER ';')"],
            environment);
        if (run.ExitCode != 0) throw new InvalidOperationException("psql \\copy failed: " + run.Output);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TABLE benchmark_copy", conn);
            await drop.ExecuteNonQueryAsync();
        }
        return run.Elapsed;
    }
}

/// <summary>
/// Lets the writes of one step reach the disk before the next step is timed, so that no step pays for another's: a
/// national file just generated is still 0.8 GB of dirty pages that the kernel writes back during the import that
/// follows, and the previous import's buffers are still being checkpointed. Every timed step, the import and psql's
/// \copy it is compared with alike, starts from the files on disk and a checkpoint.
/// </summary>
internal sealed class Settling(string connectionString)
{
    private bool _canCheckpoint = true;

    public async Task WaitAsync()
    {
        var sync = await ChildProcess.RunAsync("sync", [], new Dictionary<string, string>());
        if (sync.ExitCode != 0) throw new InvalidOperationException("sync failed: " + sync.Output);
        if (!_canCheckpoint) return;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("CHECKPOINT", conn);
        try
        {
            await cmd.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            _canCheckpoint = false;
            Console.WriteLine("  (databasanvändaren får inte göra CHECKPOINT: stegen mäts utan att databasens skrivningar först når disken)");
        }
    }
}

/// <summary>The lines the benchmark prints: what was measured, the figure, and the goal where there is one.</summary>
internal sealed class BenchmarkReport
{
    private readonly List<(string What, string Figure, string Goal)> _lines = [];
    public double PeakImportMegabytes { get; set; }

    public void Add(string what, TimeSpan elapsed, string goal) =>
        Print((what, elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s", goal));

    public void Goal(string what, double figure, string goal) =>
        Print((what, figure.ToString("0.00", CultureInfo.InvariantCulture), goal));

    private void Print((string What, string Figure, string Goal) line)
    {
        _lines.Add(line);
        Console.WriteLine($"  {line.What}: {line.Figure}{(line.Goal.Length > 0 ? $"  (mål {line.Goal})" : "")}");
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Sammanfattning av benchmark");
        foreach (var (what, figure, goal) in _lines)
            output.WriteLine($"{what,-90} {figure,12} {(goal.Length > 0 ? "mål " + goal : "")}");
    }
}
