using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Omtanke.Core.Storage;

/// <summary>
/// A private PostgreSQL cluster in a folder, created and started on demand from the PostgreSQL
/// binaries on the machine. Serves the CLI's embedded default and the tests' throwaway clusters.
/// </summary>
public sealed class EmbeddedPostgres
{
    private const string OsUserWhenRoot = "postgres";
    private const string DatabaseName = "omtanke";
    private const string RoleName = "omtanke";

    private readonly string _home;
    private readonly string _binDir;

    public EmbeddedPostgres(string home)
    {
        _home = Path.GetFullPath(home);
        _binDir = PostgresBinaries.Locate();
    }

    /// <summary>The folder the server's user owns: the cluster folder itself, or the one named in its marker.</summary>
    private string ServerDir => File.Exists(MarkerFile) ? File.ReadAllText(MarkerFile).Trim() : _home;
    private string MarkerFile => Path.Combine(_home, "server-dir");
    private string DataDir => Path.Combine(ServerDir, "pgdata");
    private string LogFile => Path.Combine(ServerDir, "postgres.log");
    private string PortFile => Path.Combine(_home, "port");
    private string PasswordFile => Path.Combine(_home, "password");
    private string LockFile => Path.Combine(_home, "lock");

    /// <summary>Starts the cluster unless it runs already, and returns a connection string to it.</summary>
    public async Task<string> EnsureStartedAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(_home);
        // A file lock makes two commands started at once wait for each other instead of
        // initialising or starting the same cluster twice.
        using var fileLock = await AcquireLockAsync(ct);
        if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")))
            Initialise();
        var port = ReadPort();
        if (!IsRunning())
        {
            if (port == 0 || !PortIsFree(port)) port = FreePort();
            File.WriteAllText(PortFile, port.ToString());
            Start(port);
        }
        var connectionString = ConnectionString(port, "postgres");
        await EnsureDatabaseAsync(connectionString, ct);
        return ConnectionString(port, DatabaseName);
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (!Directory.Exists(DataDir)) return;
        using var fileLock = await AcquireLockAsync(ct);
        if (IsRunning())
            RunPg("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"]);
    }

    public bool Exists => File.Exists(Path.Combine(DataDir, "PG_VERSION"));

    public bool IsRunning()
    {
        if (!File.Exists(Path.Combine(DataDir, "postmaster.pid"))) return false;
        var (code, _) = RunPg("pg_ctl", ["-D", DataDir, "status"], throwOnError: false);
        return code == 0;
    }

    private void Initialise()
    {
        PrepareServerDir();
        if (Directory.Exists(DataDir)) Directory.Delete(DataDir, recursive: true);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(PasswordFile, password);
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var pwFile = Path.Combine(ServerDir, "initdb.pw");
        File.WriteAllText(pwFile, password);
        try
        {
            if (RunningAsRoot) Chown(ServerDir);
            RunPg("initdb", ["-D", DataDir, "-U", RoleName, "--auth=scram-sha-256", $"--pwfile={pwFile}",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    /// <summary>
    /// PostgreSQL refuses to run as root, so a root process hands the server's files to the
    /// unprivileged postgres user. Where that user cannot reach the cluster folder (a home directory
    /// closed to others), the server's files live in a private folder under /var/tmp instead, named
    /// in a marker file of the cluster folder.
    /// </summary>
    private void PrepareServerDir()
    {
        if (File.Exists(MarkerFile)) File.Delete(MarkerFile);
        if (!RunningAsRoot || CanReachAsServerUser(_home)) return;
        var external = Path.Combine("/var/tmp", "omtanke-" + Convert.ToHexString(
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_home)))[..16].ToLowerInvariant());
        Directory.CreateDirectory(external);
        File.SetUnixFileMode(external, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(MarkerFile, external);
    }

    private static bool CanReachAsServerUser(string dir) =>
        Run("runuser", ["-u", OsUserWhenRoot, "--", "test", "-x", dir], throwOnError: false).Code == 0;

    private static void Chown(string path) => Run("chown", ["-R", $"{OsUserWhenRoot}:", path]);

    private static bool RunningAsRoot => Environment.UserName == "root";

    private (int Code, string Output) RunPg(string tool, string[] args, bool throwOnError = true)
    {
        var exe = Path.Combine(_binDir, tool);
        return RunningAsRoot
            ? Run("runuser", ["-u", OsUserWhenRoot, "--", exe, .. args], throwOnError)
            : Run(exe, args, throwOnError);
    }

    private void Start(int port)
    {
        // Connections: every service host holds a web pool and a job server's workers, locks and schedulers, and a
        // test run starts many hosts whose idle pooled connections outlive them for minutes. WAL only for crash
        // recovery: the cluster has no replicas and no archive, and a table created in the writing transaction (a
        // delivery's partition, FactTarget) is then synced at commit instead of logged row by row (10.0 M visits
        // 8.4–10.3 s of COPY, against 11.9–13.8 s with wal_level replica).
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
                      "-c max_connections=300 -c shared_buffers=256MB -c fsync=on " +
                      "-c max_wal_size=2GB -c work_mem=64MB -c maintenance_work_mem=256MB " +
                      "-c wal_level=minimal -c max_wal_senders=0";
        RunPg("pg_ctl", ["-D", DataDir, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"]);
    }

    private static async Task EnsureDatabaseAsync(string adminConnectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn)
        { Parameters = { new() { Value = DatabaseName } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private string ConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Database = database,
        Username = RoleName,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Timeout = 30,
        CommandTimeout = 0,
    }.ConnectionString;

    private int ReadPort() =>
        File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), out var p) ? p : 0;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    private static (int Code, string Output) Run(string exe, string[] args, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Kunde inte starta {exe}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var output = stdout.Result + stderr.Result;
        if (throwOnError && p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(exe)} {string.Join(' ', args)} misslyckades (kod {p.ExitCode}): {output.Trim()}");
        return (p.ExitCode, output);
    }
}

/// <summary>Finds the PostgreSQL server binaries: on PATH, or where pg_config says they are.</summary>
public static class PostgresBinaries
{
    public static string Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
                return ResolveDirectory(Path.Combine(dir, "pg_ctl"));
        }
        var fromPgConfig = PgConfigBinDir();
        if (fromPgConfig is not null && File.Exists(Path.Combine(fromPgConfig, "pg_ctl"))) return fromPgConfig;
        var debianVersions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().ToArray()
            : [];
        foreach (var dir in debianVersions)
        {
            var bin = Path.Combine(dir, "bin");
            if (File.Exists(Path.Combine(bin, "pg_ctl"))) return bin;
        }
        throw new InvalidOperationException(
            "PostgreSQL-servern hittades inte (varken pg_ctl på PATH eller via pg_config). " +
            "Installera den (Debian: apt-get install postgresql) eller ange en databas med OMTANKE_DB.");
    }

    private static string ResolveDirectory(string file)
    {
        var info = new FileInfo(file);
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return Path.GetDirectoryName(target?.FullName ?? info.FullName)!;
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            var psi = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi);
            if (p is null) return null;
            var dir = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? dir : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
