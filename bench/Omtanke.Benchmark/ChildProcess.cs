using System.Diagnostics;

namespace Omtanke.Benchmark;

/// <summary>A finished child process: how long it ran, its peak resident memory (VmHWM) and its output.</summary>
public sealed record ChildRun(TimeSpan Elapsed, long PeakBytes, string Output, int ExitCode);

public static class ChildProcess
{
    /// <summary>Runs a program to completion, sampling /proc/PID/status for its high-water mark of resident memory.</summary>
    public static async Task<ChildRun> RunAsync(string exe, IEnumerable<string> args, IDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(50);
        }
        await process.WaitForExitAsync();
        return new ChildRun(clock.Elapsed, peak, await stdout + await stderr, process.ExitCode);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }
}
