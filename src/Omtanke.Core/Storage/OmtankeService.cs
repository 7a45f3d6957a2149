using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;

namespace Omtanke.Core.Storage;

/// <summary>
/// Where the service's settings come from: environment variables, with the embedded cluster and a key
/// file under <c>.omtanke/</c> as the defaults for a single machine.
/// </summary>
public sealed record OmtankeSettings(string? ConnectionString, string? PatientKey, int DisclosureLimit, string WorkingDirectory)
{
    public const string ConnectionVariable = "OMTANKE_DB";
    public const string PatientKeyVariable = "OMTANKE_PATIENT_KEY";
    public const string DisclosureLimitVariable = "OMTANKE_DISCLOSURE_LIMIT";
    public const string EmbeddedFolder = ".omtanke";

    public static OmtankeSettings FromEnvironment(string workingDirectory) => new(
        NullIfEmpty(Environment.GetEnvironmentVariable(ConnectionVariable)),
        NullIfEmpty(Environment.GetEnvironmentVariable(PatientKeyVariable)),
        int.TryParse(Environment.GetEnvironmentVariable(DisclosureLimitVariable), out var limit) && limit > 0 ? limit : 5,
        workingDirectory);

    public const string ImportStatementTimeoutVariable = "OMTANKE_IMPORT_STATEMENT_TIMEOUT";

    public string EmbeddedHome => Path.Combine(WorkingDirectory, EmbeddedFolder);

    /// <summary>How long one statement of an import (its load, its supersede, its recompute) may run: OMTANKE_IMPORT_STATEMENT_TIMEOUT, in seconds.</summary>
    public TimeSpan ImportStatementTimeout { get; init; } =
        int.TryParse(Environment.GetEnvironmentVariable(ImportStatementTimeoutVariable), out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Importer.DefaultStatementTimeout;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>The pipeline's parts, wired to one migrated database.</summary>
public sealed class OmtankeService : IAsyncDisposable
{
    private readonly Importer? _importer;

    private OmtankeService(NpgsqlDataSource db, PatientIdHasher? hasher, IndicatorEngine engine, TimeSpan importStatementTimeout)
    {
        Db = db;
        Engine = engine;
        _importer = hasher is null ? null : new Importer(db, hasher, engine) { StatementTimeout = importStatementTimeout };
    }

    public NpgsqlDataSource Db { get; }
    public IndicatorEngine Engine { get; }

    /// <summary>Imports need the patient key; reading values does not.</summary>
    public Importer Importer => _importer ?? throw new ImportSetupException(
        $"{OmtankeSettings.PatientKeyVariable} saknas: ange en hemlig nyckel (minst 16 tecken) för patientidentiteter " +
        $"när {OmtankeSettings.ConnectionVariable} pekar på en egen databas.");

    public static async Task<OmtankeService> OpenAsync(OmtankeSettings settings, CancellationToken ct = default)
    {
        var connectionString = settings.ConnectionString
            ?? await new EmbeddedPostgres(settings.EmbeddedHome).EnsureStartedAsync(ct);
        var key = settings.PatientKey ?? (settings.ConnectionString is null ? EmbeddedPatientKey(settings.EmbeddedHome) : null);
        if (key is not null && Encoding.UTF8.GetByteCount(key) < 16)
            throw new ImportSetupException(
                $"{OmtankeSettings.PatientKeyVariable} är för kort: ange en hemlig nyckel på minst 16 tecken för patientidentiteter.");
        var db = NpgsqlDataSource.Create(WithoutDefaultCommandTimeout(connectionString));
        await Migrator.MigrateAsync(db, ct);
        return new OmtankeService(db, key is null ? null : new PatientIdHasher(Encoding.UTF8.GetBytes(key)),
            new IndicatorEngine(new DisclosureSettings(settings.DisclosureLimit)), settings.ImportStatementTimeout);
    }

    /// <summary>
    /// A recompute after a national-scale delivery runs for tens of seconds in one statement, where the driver's
    /// default would cancel it after 30 and reject the import. An operator who sets Command Timeout keeps it.
    /// </summary>
    public static string WithoutDefaultCommandTimeout(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Command Timeout") || given.ContainsKey("CommandTimeout")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
    }

    /// <summary>The embedded cluster's own key, made once and kept beside it.</summary>
    private static string EmbeddedPatientKey(string home)
    {
        var file = Path.Combine(home, "patient.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllText(file).Trim();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
