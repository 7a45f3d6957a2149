using System.Security.Cryptography;

namespace Omtanke.Web.Accounts;

/// <summary>
/// A new installation has no accounts, so nobody could sign in: the first start makes an administrator
/// with a random password and shows it once, on the console of whoever started the service.
/// </summary>
public static class DemoAdministrator
{
    public const string UserName = "admin";

    public static async Task EnsureAsync(UserStore users, TextWriter console, CancellationToken ct)
    {
        if (await users.AnyAsync(ct)) return;
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        try
        {
            await users.CreateAsync(UserName, "Demoadministratör", password, Roles.Administrator, null, "serve", ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            return; // another instance, started at the same moment, made it and showed its password
        }
        await console.WriteLineAsync($"""

            Första start: ett administratörskonto har skapats för inloggning på webbsidan.
              användarnamn: {UserName}
              lösenord:     {password}
            Lösenordet visas bara nu. Skapa egna konton och sluta använda det här.

            """);
    }
}
