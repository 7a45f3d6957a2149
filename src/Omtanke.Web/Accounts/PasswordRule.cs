namespace Omtanke.Web.Accounts;

/// <summary>What a local password must be: long, since length is what makes a password hard to guess.</summary>
public static class PasswordRule
{
    public const int MinLength = 12;

    public static void Check(string? password)
    {
        if ((password ?? "").Length < MinLength)
            throw new AccountRefusedException($"Lösenordet ska ha minst {MinLength} tecken.");
    }
}
