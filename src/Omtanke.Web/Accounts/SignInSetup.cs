using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Omtanke.Core.Storage;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Accounts;

/// <summary>
/// Sign-in: a cookie for people (local password or the organisation's identity provider), an API key for
/// machines. Every page and endpoint requires a signed-in user unless it says otherwise.
/// </summary>
public static class SignInSetup
{
    /// <summary>Chooses the API key when the header is there, else the cookie.</summary>
    private const string Either = "cookie-eller-api-nyckel";
    public const string Oidc = OpenIdConnectDefaults.AuthenticationScheme;

    public static void AddOmtankeSignIn(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<SignInThrottle>();
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Either;
                o.DefaultChallengeScheme = Either;
            })
            .AddPolicyScheme(Either, Either, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyStore.Header)
                    ? ApiKeyAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/logga-in";
                o.LogoutPath = "/logga-ut";
                o.AccessDeniedPath = "/fel/403";
                o.Cookie.Name = "omtanke";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // Machine clients and scripts get status codes, not a sign-in page.
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            });
        if (options.Oidc.IsConfigured)
            auth.AddOpenIdConnect(Oidc, options.Oidc.DisplayName, o =>
            {
                o.Authority = options.Oidc.Authority;
                o.ClientId = options.Oidc.ClientId;
                o.ClientSecret = options.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.Scope.Add("email");
                o.Events.OnTokenValidated = MapToLocalAccountAsync;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Import, p => p.RequireRole(Roles.Administrator, Roles.Analyst, Roles.Municipality))
            .AddPolicy(Policies.Deliveries, p => p.RequireRole(Roles.Administrator, Roles.Analyst, Roles.Municipality))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Administrator));
    }

    public static ClaimsPrincipal Principal(UserAccount user, string method)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
            new(ClaimTypes.AuthenticationMethod, method),
            new(SessionCheck.StampClaim, user.SessionStamp),
        };
        if (user.Kommunkod is not null) claims.Add(new Claim(Roles.KommunClaim, user.Kommunkod));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name, ClaimTypes.Role));
    }

    public static async Task AuditAsync(NpgsqlDataSource db, string actor, string action, object details, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await Audit.WriteAsync(conn, actor, action, actor, details, ct);
    }

    /// <summary>The provider says who it is; this service says what they may do, from its own accounts.</summary>
    private static async Task MapToLocalAccountAsync(TokenValidatedContext context)
    {
        var external = context.Principal!;
        var subject = external.FindFirstValue("sub") ?? external.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The identity provider sent no subject.");
        var userName = external.FindFirstValue("preferred_username") ?? external.FindFirstValue("email")
            ?? external.FindFirstValue(ClaimTypes.Email) ?? subject;
        var displayName = external.FindFirstValue("name") ?? userName;
        var services = context.HttpContext.RequestServices;
        UserAccount? user;
        string reason;
        try
        {
            user = await services.GetRequiredService<UserStore>().ForExternalAsync(subject, userName, displayName,
                context.HttpContext.RequestAborted);
            reason = "Kontot är avstängt.";
        }
        catch (AccountRefusedException e)
        {
            (user, reason) = (null, e.Message);
        }
        if (user is null)
        {
            await AuditAsync(services.GetRequiredService<NpgsqlDataSource>(), userName, "inloggning-nekad",
                new { via = "oidc", subject, reason }, context.HttpContext.RequestAborted);
            context.Fail(reason);
            return;
        }
        context.Principal = Principal(user, "oidc");
        await AuditAsync(services.GetRequiredService<NpgsqlDataSource>(), user.UserName, "inloggning",
            new { via = "oidc" }, context.HttpContext.RequestAborted);
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
