using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Omtanke.Core.Storage;

/// <summary>
/// Applies the versioned SQL migrations embedded in this assembly, in version order, each once.
/// A migration is a file named <c>NNNN_name.sql</c> in the folder of the feature it belongs to.
/// </summary>
public static partial class Migrator
{
    // Any fixed number shared by every instance: serialises migrations across processes.
    private const long MigrationLockKey = 0x4F4D54414E4B45;

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The pipeline's own migrations.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load([typeof(Migrator).Assembly]);

    public static Task MigrateAsync(NpgsqlDataSource db, CancellationToken ct = default) => Apply(db, All, ct);

    /// <summary>
    /// The pipeline's migrations and those of hosts built on it (the web application's accounts and report
    /// archive): one numbering across all of them, so a version used twice is refused.
    /// </summary>
    public static Task MigrateAsync(NpgsqlDataSource db, IReadOnlyList<Assembly> featureAssemblies, CancellationToken ct = default) =>
        Apply(db, Load([typeof(Migrator).Assembly, .. featureAssemblies]), ct);

    private static async Task Apply(NpgsqlDataSource db, IReadOnlyList<Migration> all, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await Exec(conn, "SELECT pg_advisory_lock($1)", ct, MigrationLockKey);
        try
        {
            await Exec(conn, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new HashSet<int>();
            await using (var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetInt32(0));

            foreach (var m in all.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(m.Sql, conn, tx)) await cmd.ExecuteNonQueryAsync(ct);
                await using (var cmd = new NpgsqlCommand(
                                 "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", conn, tx)
                             { Parameters = { new() { Value = m.Version }, new() { Value = m.Name } } })
                    await cmd.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await Exec(conn, "SELECT pg_advisory_unlock($1)", ct, MigrationLockKey);
        }
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> Load(IEnumerable<Assembly> assemblies)
    {
        var migrations = new List<Migration>();
        foreach (var assembly in assemblies.Distinct())
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"Migration version {duplicate.Key} is used twice: {string.Join(", ", duplicate.Select(m => m.Name))}");
        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
