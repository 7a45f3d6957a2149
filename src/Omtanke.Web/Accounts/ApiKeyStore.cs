using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

public sealed record ApiKeyOwner(long Id, string Name, string Role, string? Kommunkod);

/// <summary>A key as administrators see it: never the key itself, only the prefix that names it.</summary>
public sealed record ApiKey(long Id, string Name, string Prefix, string Role, string? Kommunkod, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public string Shown => $"{ApiKeyStore.Scheme}_{Prefix}_…";
}

/// <summary>Keys for machine clients, sent in the header <c>X-Api-Key</c>; only their hashes are stored.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource db)
{
    public const string Header = "X-Api-Key";
    public const string Scheme = "omk";

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

    /// <summary>Every key, the ones in use first.</summary>
    public async Task<List<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, """
            SELECT id, name, prefix, role, kommunkod, created_by, created_at, revoked_at
            FROM api_keys ORDER BY revoked_at IS NOT NULL, lower(name), id
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ApiKey>();
        while (await r.ReadAsync(ct))
            list.Add(new ApiKey(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)));
        return list;
    }

    /// <summary>
    /// Revokes the key: every request is verified against the table (<see cref="VerifyAsync"/>), so the next
    /// request with it is refused. A key revoked already stays as it was. Returns the key's name.
    /// </summary>
    public async Task<string> RevokeAsync(long id, string actor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string name, prefix;
        bool active;
        await using (var cmd = Sql.Command(conn, "SELECT name, prefix, revoked_at IS NULL FROM api_keys WHERE id = $1 FOR UPDATE", id))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) throw new AccountRefusedException("API-nyckeln finns inte.");
            (name, prefix, active) = (r.GetString(0), r.GetString(1), r.GetBoolean(2));
        }
        if (active)
        {
            await Sql.ExecAsync(conn, "UPDATE api_keys SET revoked_at = now() WHERE id = $1", ct, id);
            await Audit.WriteAsync(conn, actor, "api-nyckel-återkallad", name, new { key = id, prefix }, ct);
        }
        await tx.CommitAsync(ct);
        return name;
    }

    private static string Sha256(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
