using Npgsql;
using Omtanke.Core.Storage;
using Testcontainers.PostgreSql;

namespace Omtanke.Tests;

/// <summary>
/// The real PostgreSQL the tests run against, started once per test run: OMTANKE_TEST_DB when set,
/// else a Testcontainers PostgreSQL 15 where a Docker engine answers, else a throwaway cluster from the
/// machine's PostgreSQL binaries. Each test gets its own database, cloned from a migrated template.
/// </summary>
[SetUpFixture]
public sealed class TestPostgres
{
    public const string OverrideVariable = "OMTANKE_TEST_DB";
    private const string Template = "omtanke_template";
    public static readonly string PatientKey = "test-patient-key-0123456789abcdef";

    private static string? _adminConnectionString;
    private static PostgreSqlContainer? _container;
    private static EmbeddedPostgres? _embedded;
    private static string? _embeddedHome;
    private static int _databaseCounter;

    public static string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException("TestPostgres has not started.");

    public static string Kind { get; private set; } = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            _adminConnectionString = overridden;
            Kind = OverrideVariable;
        }
        else if (DockerAnswers())
        {
            _container = new PostgreSqlBuilder("postgres:15").Build();
            await _container.StartAsync();
            _adminConnectionString = _container.GetConnectionString();
            Kind = "testcontainers";
        }
        else
        {
            _embeddedHome = Path.Combine(Path.GetTempPath(), "omtanke-tests-" + Guid.NewGuid().ToString("N")[..8]);
            _embedded = new EmbeddedPostgres(_embeddedHome);
            _adminConnectionString = await _embedded.EnsureStartedAsync();
            Kind = "embedded";
        }
        await using var conn = new NpgsqlConnection(_adminConnectionString);
        await conn.OpenAsync();
        await Exec(conn, $"DROP DATABASE IF EXISTS {Template}");
        await Exec(conn, $"CREATE DATABASE {Template}");
        await using var template = NpgsqlDataSource.Create(WithDatabase(Template));
        await Migrator.MigrateAsync(template);
        NpgsqlConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        if (_embedded is not null)
        {
            await _embedded.StopAsync();
            try { Directory.Delete(_embeddedHome!, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A fresh, migrated, empty database of its own; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await Exec(conn, $"CREATE DATABASE {name} TEMPLATE {Template}");
        return WithDatabase(name);
    }

    /// <summary>The pipeline on a fresh database of its own.</summary>
    public static async Task<OmtankeService> CreateServiceAsync(int disclosureLimit = 5)
    {
        var connectionString = await CreateDatabaseAsync();
        return await OmtankeService.OpenAsync(new OmtankeSettings(connectionString, PatientKey, disclosureLimit, Path.GetTempPath()));
    }

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static bool DockerAnswers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host)) return true;
        return File.Exists("/var/run/docker.sock");
    }
}
