using System.Net;
using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

/// <summary>
/// Slows password guessing: after <see cref="FreeFailuresPerAccount"/> wrong passwords for one account name, or
/// <see cref="FreeFailuresPerAddress"/> from one client address (whatever the names), each further failure doubles
/// the wait, up to <see cref="LongestWait"/>; while it lasts no password is checked, not even the right one. The
/// counts live in PostgreSQL, so every instance of the service sees the same ones. An address gets more free
/// failures than an account: a municipality's people may all reach the service from one address.
/// </summary>
public sealed class SignInThrottle(NpgsqlDataSource db)
{
    public const int FreeFailuresPerAccount = 5;
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    /// <summary>Failures older than this are forgiven: the next one counts from one again.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>How long the account name or the address must still wait; null when a sign-in may be tried now.</summary>
    public async Task<TimeSpan?> WaitAsync(string userName, IPAddress? address, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var wait = await Sql.ScalarAsync(conn, """
            SELECT max(blocked_until) - now() FROM sign_in_throttle WHERE key = ANY($1) AND blocked_until > now()
            """, ct, (object)Keys(userName, address).Select(k => k.Key).ToArray());
        return wait is TimeSpan left ? left : null;
    }

    public async Task FailedAsync(string userName, IPAddress? address, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        foreach (var (key, free) in Keys(userName, address))
            await Sql.ExecAsync(conn, """
                INSERT INTO sign_in_throttle AS t (key, failures, last_failure, blocked_until) VALUES ($1, 1, now(), now())
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN t.last_failure < now() - $3 THEN 1 ELSE t.failures + 1 END,
                    last_failure = now(),
                    blocked_until = CASE WHEN t.last_failure < now() - $3 OR t.failures + 1 <= $2 THEN now()
                        ELSE now() + least(make_interval(secs => power(2, least(t.failures - $2, 20))), $4) END
                """, ct, key, free, Memory, LongestWait);
    }

    /// <summary>The right password clears the account's failures; the address's stay, or one's own account would reset them.</summary>
    public async Task SucceededAsync(string userName, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await Sql.ExecAsync(conn, "DELETE FROM sign_in_throttle WHERE key = $1", ct, AccountKey(userName));
    }

    /// <summary>The wait in words, for the sign-in page.</summary>
    public static string Refusal(TimeSpan wait) =>
        $"För många misslyckade inloggningar. Vänta {(wait.TotalSeconds < 90 ? $"{Math.Ceiling(wait.TotalSeconds)} sekunder" : $"{Math.Ceiling(wait.TotalMinutes)} minuter")} " +
        "och försök igen. Har du glömt lösenordet, be en administratör sätta ett nytt.";

    private static IEnumerable<(string Key, int Free)> Keys(string userName, IPAddress? address)
    {
        yield return (AccountKey(userName), FreeFailuresPerAccount);
        if (address is not null) yield return ($"adress:{address}", FreeFailuresPerAddress);
    }

    private static string AccountKey(string userName) => $"konto:{userName.Trim().ToLowerInvariant()}";
}
