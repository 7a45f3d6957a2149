namespace Omtanke.Web.Accounts;

/// <summary>A change to an account or key that is not allowed, with the reason in Swedish for the person who asked.</summary>
public sealed class AccountRefusedException(string message) : Exception(message);
