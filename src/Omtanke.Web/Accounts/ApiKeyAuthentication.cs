using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Omtanke.Web.Accounts;

/// <summary>Signs in a machine client by its <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-nyckel";
    /// <summary>The id of the key that signed the request in, for the audit trail.</summary>
    public const string KeyIdClaim = "api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyStore.Header, out var presented) || string.IsNullOrWhiteSpace(presented))
            return AuthenticateResult.NoResult();
        var owner = await keys.VerifyAsync(presented.ToString(), Context.RequestAborted);
        if (owner is null) return AuthenticateResult.Fail("Ogiltig API-nyckel.");
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"api:{owner.Name}"),
            new(ClaimTypes.NameIdentifier, $"api-key:{owner.Id}"),
            new(ClaimTypes.Role, owner.Role),
            new(KeyIdClaim, owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (owner.Kommunkod is not null) claims.Add(new(Roles.KommunClaim, owner.Kommunkod));
        return AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyStore.Header;
        return Task.CompletedTask;
    }
}
