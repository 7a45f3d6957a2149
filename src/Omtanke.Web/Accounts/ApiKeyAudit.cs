using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

/// <summary>
/// Writes every request made with an API key to the audit trail: which key, whose, method, path and status. A
/// machine's reads are as much part of who saw what as a person's downloads. Requests to endpoints open to
/// anyone (the style sheet, health, the OpenAPI description, the error page) are left out: a key gives them nothing.
/// </summary>
public static class ApiKeyAudit
{
    public const string Action = "api-anrop";

    /// <summary>Goes after authentication (to know the key) and before authorization (to record refusals too).</summary>
    public static void UseApiKeyAudit(this WebApplication app) => app.Use(async (context, next) =>
    {
        var failed = false;
        try
        {
            await next();
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthentication.SchemeName }
                && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
                await WriteAsync(context, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
        }
    });

    private static async Task WriteAsync(HttpContext context, int status)
    {
        var request = context.Request;
        var viewer = Viewer.Of(context.User);
        // Not the request's token: a client that hangs up has still made the request.
        await using var conn = await context.RequestServices.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await Audit.WriteAsync(conn, viewer.Name, Action, request.Path.Value, new
        {
            key = long.Parse(context.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)!.Value, System.Globalization.CultureInfo.InvariantCulture),
            role = viewer.Role,
            kommunkod = viewer.Kommunkod,
            method = request.Method,
            path = request.Path.Value,
            query = request.QueryString.HasValue ? request.QueryString.Value : null,
            status,
        }, CancellationToken.None);
    }
}
