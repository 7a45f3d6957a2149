using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Omtanke.Tests.Support;

/// <summary>
/// <c>omtanke serve</c> as its own process, on a real port: what a browser can reach, and what a test can
/// kill as abruptly as a power cut.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="settings">More environment for the process, such as <c>Omtanke__MaxUploadBytes</c>.</param>
    public static async Task<ServeProcess> StartAsync(string connectionString, string inbox,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { CliDll, "serve", "--urls", baseAddress.ToString() },
            WorkingDirectory = Path.GetDirectoryName(inbox)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["OMTANKE_DB"] = connectionString,
                ["OMTANKE_PATIENT_KEY"] = TestPostgres.PatientKey,
                ["Omtanke__Inbox"] = inbox,
                ["Omtanke__InboxSettleTime"] = "00:00:00",
                ["Omtanke__QueuePollInterval"] = "00:00:00.500",
                // A killed server's job comes back to a live one after this long.
                ["Omtanke__JobInvisibilityTimeout"] = "00:00:05",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var serve = new ServeProcess(Process.Start(start)!, baseAddress);
        serve._process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        await serve.WaitUntilHealthyAsync();
        return serve;
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, connections dropped mid-statement.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = Client();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"serve exited:\n{Output}");
            try
            {
                var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"serve did not become healthy:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The command-line program built beside the tests, in the same configuration.</summary>
    private static string CliDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "src", "Omtanke.Cli", "bin", configuration, "net10.0", "omtanke.dll");
        }
    }
}
