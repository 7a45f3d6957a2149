using Microsoft.AspNetCore.Identity;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

public sealed record UserAccount(long Id, string UserName, string DisplayName, string Role, string? Kommunkod,
    string? PasswordHash);

/// <summary>Local accounts: passwords hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public async Task<UserAccount> CreateAsync(string userName, string displayName, string? password, string role,
        string? kommunkod, string actor, CancellationToken ct = default)
    {
        CheckRole(role, kommunkod);
        var hash = password is null ? null : Hasher.HashPassword(null!, password);
        await using var conn = await db.OpenConnectionAsync(ct);
        var id = (long)(await Sql.ScalarAsync(conn, """
            INSERT INTO users (user_name, display_name, password_hash, role, kommunkod)
            VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, ct, userName, displayName, hash, role, kommunkod))!;
        await Audit.WriteAsync(conn, actor, "konto-skapat", userName, new { role, kommunkod }, ct);
        return new UserAccount(id, userName, displayName, role, kommunkod, hash);
    }

    /// <summary>The account when the password is right; null for an unknown user, a wrong password or a disabled account.</summary>
    public async Task<UserAccount?> VerifyAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var user = await FindAsync(conn, "lower(user_name) = lower($1)", userName, ct);
        if (user?.PasswordHash is null) return null;
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            await Sql.ExecAsync(conn, "UPDATE users SET password_hash = $2 WHERE id = $1", ct, user.Id,
                Hasher.HashPassword(user, password));
        return user;
    }

    /// <summary>
    /// The account of someone signed in through the identity provider: found by subject, else by user
    /// name (an administrator may have made it in advance), else made as a reader.
    /// </summary>
    public async Task<UserAccount> ForExternalAsync(string subject, string userName, string displayName, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (await FindAsync(conn, "external_subject = $1", subject, ct) is { } bySubject) return bySubject;
        if (await FindAsync(conn, "lower(user_name) = lower($1)", userName, ct) is { } byName)
        {
            await Sql.ExecAsync(conn, "UPDATE users SET external_subject = $2 WHERE id = $1", ct, byName.Id, subject);
            return byName;
        }
        var id = (long)(await Sql.ScalarAsync(conn, """
            INSERT INTO users (user_name, display_name, role, external_subject) VALUES ($1, $2, $3, $4) RETURNING id
            """, ct, userName, displayName, Roles.Reader, subject))!;
        await Audit.WriteAsync(conn, "oidc", "konto-skapat", userName, new { role = Roles.Reader }, ct);
        return new UserAccount(id, userName, displayName, Roles.Reader, null, null);
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (bool)(await Sql.ScalarAsync(conn, "SELECT EXISTS (SELECT 1 FROM users)", ct))!;
    }

    public async Task<List<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn,
            "SELECT id, user_name, display_name, role, kommunkod, NULL FROM users WHERE disabled_at IS NULL ORDER BY lower(user_name)");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<UserAccount>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    public static void CheckRole(string role, string? kommunkod)
    {
        if (!Roles.All.Contains(role))
            throw new ArgumentException($"Okänd roll '{role}'. Roller: {string.Join(", ", Roles.All)}.");
        if ((role == Roles.Municipality) != (kommunkod is not null))
            throw new ArgumentException("Rollen kommun kräver en kommunkod, och bara den rollen har en.");
        if (kommunkod is not null && !Areas.IsMunicipality(kommunkod))
            throw new ArgumentException($"'{kommunkod}' är inte en av Hallands kommuner.");
    }

    private static async Task<UserAccount?> FindAsync(NpgsqlConnection conn, string where, string arg, CancellationToken ct)
    {
        await using var cmd = Sql.Command(conn,
            $"SELECT id, user_name, display_name, role, kommunkod, password_hash FROM users WHERE disabled_at IS NULL AND {where}", arg);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    private static UserAccount Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5));
}
