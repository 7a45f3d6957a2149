namespace Omtanke.Web.Accounts;

/// <summary>
/// What a person's user name may be. A name is also who the audit trail and the delivery history say acted, and
/// machine clients act as <c>api:</c> and their key's name: a person named so would pass for that key (and, for
/// one, read the error reports of what it uploaded). No person's name holds a colon, so none can.
/// </summary>
public static class UserNameRule
{
    public const int MaxLength = 100;

    public static void Check(string userName)
    {
        if (userName.Contains(':'))
            throw new AccountRefusedException($"Användarnamnet '{userName}' får inte innehålla kolon (:); det är reserverat för API-nycklar.");
        if (userName.Length > MaxLength || userName.Any(char.IsControl))
            throw new AccountRefusedException($"Användarnamnet får ha högst {MaxLength} tecken och inga styrtecken.");
    }
}
