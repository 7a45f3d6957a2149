using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

public sealed record ApiKeyOwner(long Id, string Name, string Role, string? Kommunkod);

/// <summary>Keys for machine clients, sent in the header <c>X-Api-Key</c>; only their hashes are stored.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource db)
{
    public const string Header = "X-Api-Key";
    private const string Scheme = "omk";

    /// <summary>Makes a key and returns it: this is the only time it can be seen.</summary>
    public async Task<string> CreateAsync(string name, string role, string? kommunkod, string actor, CancellationToken ct = default)
    {
        UserStore.CheckRole(role, kommunkod);
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var key = $"{Scheme}_{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        await using var conn = await db.OpenConnectionAsync(ct);
        await Sql.ExecAsync(conn, """
            INSERT INTO api_keys (name, prefix, key_sha256, role, kommunkod, created_by) VALUES ($1, $2, $3, $4, $5, $6)
            """, ct, name, prefix, Sha256(key), role, kommunkod, actor);
        await Audit.WriteAsync(conn, actor, "api-nyckel-skapad", name, new { prefix, role, kommunkod }, ct);
        return key;
    }

    public async Task<ApiKeyOwner?> VerifyAsync(string presented, CancellationToken ct = default)
    {
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != Scheme) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn,
            "SELECT id, name, role, kommunkod, key_sha256 FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL", parts[1]);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(r.GetString(4)), Encoding.ASCII.GetBytes(Sha256(presented)));
        return matches ? new ApiKeyOwner(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)) : null;
    }

    private static string Sha256(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
