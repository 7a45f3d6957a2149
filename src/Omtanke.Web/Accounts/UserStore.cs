using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

/// <param name="SessionStamp">Changes when the account's sessions must end (see 0204_account_sessions.sql).</param>
/// <param name="ExternalSubject">The identity provider's subject the account is bound to, once bound.</param>
public sealed record UserAccount(long Id, string UserName, string DisplayName, string Role, string? Kommunkod,
    string? PasswordHash, string SessionStamp, DateTimeOffset? DisabledAt, string? ExternalSubject = null)
{
    public bool IsActive => DisabledAt is null;
}

/// <summary>
/// Local accounts: passwords hashed with ASP.NET Core Identity's PBKDF2 hasher. Every change is written to the
/// audit trail with who made it.
/// </summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private const string Columns = "id, user_name, display_name, role, kommunkod, password_hash, session_stamp, disabled_at, external_subject";
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    /// <summary>
    /// Checked when there is no account or no password to check: an unknown name then costs the time of a known
    /// one, so the answer's time does not tell which user names exist.
    /// </summary>
    private static readonly string DummyHash = Hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public async Task<UserAccount> CreateAsync(string userName, string displayName, string? password, string role,
        string? kommunkod, string actor, CancellationToken ct = default)
    {
        CheckRole(role, kommunkod);
        UserNameRule.Check(userName);
        if (password is not null) PasswordRule.Check(password);
        var hash = password is null ? null : Hasher.HashPassword(null!, password);
        await using var conn = await db.OpenConnectionAsync(ct);
        var account = await ReadOneAsync(conn, $"""
            INSERT INTO users (user_name, display_name, password_hash, role, kommunkod)
            VALUES ($1, $2, $3, $4, $5) RETURNING {Columns}
            """, ct, userName, displayName, hash, role, kommunkod);
        await Audit.WriteAsync(conn, actor, "konto-skapat", userName, new { role, kommunkod }, ct);
        return account!;
    }

    /// <summary>The account when the password is right; null for an unknown user, a wrong password or a disabled account.</summary>
    public async Task<UserAccount?> VerifyAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var user = await ReadOneAsync(conn, $"SELECT {Columns} FROM users WHERE disabled_at IS NULL AND lower(user_name) = lower($1)", ct, userName);
        if (user?.PasswordHash is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }
        return await PasswordMatchesAsync(conn, user, password, ct) ? user : null;
    }

    /// <summary>
    /// The account of someone signed in through the identity provider: the one bound to the provider's subject;
    /// else one an administrator made in advance for the provider (no password, not yet bound), which is bound
    /// now; else a new reader. Null when that account has been deactivated. The name the provider sends is only a
    /// claim: an account with a password, or one bound to another subject, is never taken over by it.
    /// </summary>
    public async Task<UserAccount?> ForExternalAsync(string subject, string userName, string displayName, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (await ReadOneAsync(conn, $"SELECT {Columns} FROM users WHERE external_subject = $1", ct, subject) is { } bySubject)
            return bySubject.IsActive ? bySubject : null;
        UserNameRule.Check(userName);
        if (await ReadOneAsync(conn, $"SELECT {Columns} FROM users WHERE lower(user_name) = lower($1)", ct, userName) is { } byName)
        {
            if (byName.PasswordHash is not null || byName.ExternalSubject is not null)
                throw new AccountRefusedException(
                    $"Det finns redan ett konto med namnet {byName.UserName} som inte är kopplat till ditt organisationskonto. " +
                    "Be en administratör om ett konto för inloggning med organisationskontot.");
            if (!byName.IsActive) return null;
            await Sql.ExecAsync(conn, "UPDATE users SET external_subject = $2 WHERE id = $1 AND external_subject IS NULL", ct, byName.Id, subject);
            return byName;
        }
        var created = await ReadOneAsync(conn, $"""
            INSERT INTO users (user_name, display_name, role, external_subject) VALUES ($1, $2, $3, $4) RETURNING {Columns}
            """, ct, userName, displayName, Roles.Reader, subject);
        await Audit.WriteAsync(conn, "oidc", "konto-skapat", userName, new { role = Roles.Reader }, ct);
        return created;
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (bool)(await Sql.ScalarAsync(conn, "SELECT EXISTS (SELECT 1 FROM users)", ct))!;
    }

    /// <summary>Every account, active ones first, without password hashes.</summary>
    public async Task<List<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, $"""
            SELECT {Columns.Replace("password_hash", "NULL")} FROM users ORDER BY disabled_at IS NOT NULL, lower(user_name)
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<UserAccount>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    /// <summary>The account, active or not; null when there is none with the id.</summary>
    public async Task<UserAccount?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadOneAsync(conn, $"SELECT {Columns} FROM users WHERE id = $1", ct, id);
    }

    /// <summary>
    /// Gives the account another role (and for the role kommun its municipality). Its open sessions take the new
    /// role at their next request (<see cref="SessionCheck"/>).
    /// </summary>
    public async Task ChangeRoleAsync(long id, string role, string? kommunkod, string actor, CancellationToken ct = default)
    {
        CheckRole(role, kommunkod);
        await ChangeAsync(id, actor, ct, async (conn, user) =>
        {
            if (user.Role == role && user.Kommunkod == kommunkod) return null;
            if (user.Role == Roles.Administrator && role != Roles.Administrator) await KeepAnAdministratorAsync(conn, user, ct);
            await Sql.ExecAsync(conn, "UPDATE users SET role = $2, kommunkod = $3 WHERE id = $1", ct, id, role, kommunkod);
            return ("konto-roll-ändrad", new { from = user.Role, fromKommunkod = user.Kommunkod, role, kommunkod });
        });
    }

    /// <summary>An administrator sets a new password, e.g. for someone who forgot theirs; every session of the account ends.</summary>
    public async Task SetPasswordAsync(long id, string password, string actor, CancellationToken ct = default)
    {
        PasswordRule.Check(password);
        await ChangeAsync(id, actor, ct, async (conn, user) =>
        {
            await StorePasswordAsync(conn, user, password, ct);
            return ("lösenord-satt", new { });
        });
    }

    /// <summary>
    /// The signed-in user changes their own password, proving the current one. Returns the account with its new
    /// session stamp (the caller's session is renewed with it; every other session ends); null when the current
    /// password is wrong.
    /// </summary>
    public async Task<UserAccount?> ChangeOwnPasswordAsync(long id, string current, string password, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var user = await ReadOneAsync(conn, $"SELECT {Columns} FROM users WHERE id = $1 AND disabled_at IS NULL", ct, id);
        if (user?.PasswordHash is null || !await PasswordMatchesAsync(conn, user, current, ct))
        {
            await Audit.WriteAsync(conn, user?.UserName ?? id.ToString(), "lösenord-byte-nekat", user?.UserName, new { reason = "fel nuvarande lösenord" }, ct);
            return null;
        }
        PasswordRule.Check(password);
        if (password == current) throw new AccountRefusedException("Det nya lösenordet ska skilja sig från det nuvarande.");
        var changed = await StorePasswordAsync(conn, user, password, ct);
        await Audit.WriteAsync(conn, user.UserName, "lösenord-bytt", user.UserName, new { }, ct);
        return changed;
    }

    /// <summary>
    /// Signing out: a new session stamp, so the cookie signed out with cannot be used again (a copy of it, kept by
    /// someone else, would otherwise stay valid until it expires). Every other session of the account ends with it.
    /// </summary>
    public async Task EndSessionsAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await Sql.ExecAsync(conn, "UPDATE users SET session_stamp = gen_random_uuid()::text WHERE id = $1", ct, id);
    }

    /// <summary>Deactivates the account: it cannot sign in, and its open sessions end at their next request.</summary>
    public async Task DeactivateAsync(long id, string actor, CancellationToken ct = default)
    {
        await ChangeAsync(id, actor, ct, async (conn, user) =>
        {
            if (!user.IsActive) return null;
            if (string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase))
                throw new AccountRefusedException("Du kan inte stänga av ditt eget konto. Be en annan administratör om det.");
            if (user.Role == Roles.Administrator) await KeepAnAdministratorAsync(conn, user, ct);
            await Sql.ExecAsync(conn,
                "UPDATE users SET disabled_at = now(), session_stamp = gen_random_uuid()::text WHERE id = $1", ct, id);
            return ("konto-avstängt", new { });
        });
    }

    /// <summary>Undoes a deactivation (the user name stays taken by a deactivated account, so this is how it comes back).</summary>
    public async Task ReactivateAsync(long id, string actor, CancellationToken ct = default)
    {
        await ChangeAsync(id, actor, ct, async (conn, user) =>
        {
            if (user.IsActive) return null;
            await Sql.ExecAsync(conn, "UPDATE users SET disabled_at = NULL WHERE id = $1", ct, id);
            return ("konto-återaktiverat", new { });
        });
    }

    public static void CheckRole(string role, string? kommunkod)
    {
        if (!Roles.All.Contains(role))
            throw new AccountRefusedException($"Okänd roll '{role}'. Roller: {string.Join(", ", Roles.All)}.");
        if ((role == Roles.Municipality) != (kommunkod is not null))
            throw new AccountRefusedException("Rollen kommun kräver en kommun, och bara den rollen har en. Välj kommun för rollen kommun, annars ingen.");
        if (kommunkod is not null && !Areas.IsMunicipality(kommunkod))
            throw new AccountRefusedException($"'{kommunkod}' är inte en av Hallands kommuner.");
    }

    /// <summary>
    /// One change of an account by an administrator, in one transaction with its audit entry. The change returns
    /// what to audit, or null when there was nothing to change.
    /// </summary>
    private async Task ChangeAsync(long id, string actor, CancellationToken ct,
        Func<NpgsqlConnection, UserAccount, Task<(string Action, object Details)?>> change)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var user = await ReadOneAsync(conn, $"SELECT {Columns} FROM users WHERE id = $1 FOR UPDATE", ct, id)
                   ?? throw new AccountRefusedException("Kontot finns inte.");
        if (await change(conn, user) is { } done) await Audit.WriteAsync(conn, actor, done.Action, user.UserName, done.Details, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Refuses a change that would leave no active administrator: nobody could then manage accounts. The
    /// administrators' rows are locked, so two such changes at once cannot both pass.
    /// </summary>
    private static async Task KeepAnAdministratorAsync(NpgsqlConnection conn, UserAccount leaving, CancellationToken ct)
    {
        await using var cmd = Sql.Command(conn,
            "SELECT id FROM users WHERE role = $1 AND disabled_at IS NULL ORDER BY id FOR UPDATE", Roles.Administrator);
        var others = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                if (r.GetInt64(0) != leaving.Id) others++;
        if (others == 0)
            throw new AccountRefusedException(
                $"{leaving.UserName} är den enda aktiva administratören. Ge först någon annan rollen administratör.");
    }

    private static async Task<bool> PasswordMatchesAsync(NpgsqlConnection conn, UserAccount user, string password, CancellationToken ct)
    {
        if (user.PasswordHash is null) return false;
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            await Sql.ExecAsync(conn, "UPDATE users SET password_hash = $2 WHERE id = $1", ct, user.Id,
                Hasher.HashPassword(user, password));
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Stores the password's hash with a new session stamp, which ends the account's other sessions.</summary>
    private static async Task<UserAccount> StorePasswordAsync(NpgsqlConnection conn, UserAccount user, string password, CancellationToken ct) =>
        (await ReadOneAsync(conn, $"""
            UPDATE users SET password_hash = $2, session_stamp = gen_random_uuid()::text WHERE id = $1 RETURNING {Columns}
            """, ct, user.Id, Hasher.HashPassword(user, password)))!;

    private static async Task<UserAccount?> ReadOneAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Sql.Command(conn, sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    private static UserAccount Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8));
}
