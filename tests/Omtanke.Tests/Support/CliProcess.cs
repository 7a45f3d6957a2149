using System.Diagnostics;
using System.Text;
using Omtanke.Core.Storage;

namespace Omtanke.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Where and how the command-line program runs: its working directory and its database settings.
/// A null database means no OMTANKE_DB, so the embedded default under the working directory.
/// </summary>
public sealed record CliEnvironment(string WorkingDirectory, string? Database, string? PatientKey)
{
    public static CliEnvironment For(string connectionString, string workingDirectory) =>
        new(workingDirectory, connectionString, TestPostgres.PatientKey);
}

/// <summary>Runs the built command-line program (omtanke.dll, copied beside the test assembly) as a real process.</summary>
public static class CliProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public static string Dll { get; } = Path.Combine(Path.GetDirectoryName(typeof(Omtanke.Cli.CommandLine).Assembly.Location)!,
        "omtanke.dll");

    public static Process Start(CliEnvironment env, params string[] args)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = env.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        Set(psi, OmtankeSettings.ConnectionVariable, env.Database);
        Set(psi, OmtankeSettings.PatientKeyVariable, env.PatientKey);
        Set(psi, OmtankeSettings.DisclosureLimitVariable, null);
        return Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started");
    }

    public static async Task<CliResult> RunAsync(CliEnvironment env, params string[] args)
    {
        using var process = Start(env, args);
        return await WaitAsync(process, DefaultTimeout);
    }

    /// <summary>Waits for the process and collects its output; kills it if it outlives the timeout.</summary>
    public static async Task<CliResult> WaitAsync(Process process, TimeSpan timeout)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"omtanke did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static void Set(ProcessStartInfo psi, string name, string? value)
    {
        if (value is null) psi.Environment.Remove(name);
        else psi.Environment[name] = value;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
