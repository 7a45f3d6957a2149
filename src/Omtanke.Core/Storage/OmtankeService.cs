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

    public string EmbeddedHome => Path.Combine(WorkingDirectory, EmbeddedFolder);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>The pipeline's parts, wired to one migrated database.</summary>
public sealed class OmtankeService : IAsyncDisposable
{
    private OmtankeService(string connectionString, NpgsqlDataSource db, PatientIdHasher hasher, IndicatorEngine engine)
    {
        ConnectionString = connectionString;
        Db = db;
        Engine = engine;
        Importer = new Importer(db, hasher, engine);
    }

    /// <summary>The database's full connection string, for parts that open their own connections (the job server).</summary>
    public string ConnectionString { get; }
    public NpgsqlDataSource Db { get; }
    public IndicatorEngine Engine { get; }
    public Importer Importer { get; }

    public static async Task<OmtankeService> OpenAsync(OmtankeSettings settings, CancellationToken ct = default)
    {
        var connectionString = settings.ConnectionString
            ?? await new EmbeddedPostgres(settings.EmbeddedHome).EnsureStartedAsync(ct);
        var key = settings.PatientKey ?? (settings.ConnectionString is null
            ? EmbeddedPatientKey(settings.EmbeddedHome)
            : throw new ImportSetupException(
                $"{OmtankeSettings.PatientKeyVariable} saknas: ange en hemlig nyckel (minst 16 tecken) för patientidentiteter " +
                $"när {OmtankeSettings.ConnectionVariable} pekar på en egen databas."));
        var db = NpgsqlDataSource.Create(connectionString);
        await Migrator.MigrateAsync(db, ct);
        return new OmtankeService(connectionString, db, new PatientIdHasher(Encoding.UTF8.GetBytes(key)),
            new IndicatorEngine(new DisclosureSettings(settings.DisclosureLimit)));
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
