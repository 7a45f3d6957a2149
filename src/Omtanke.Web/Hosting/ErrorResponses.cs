using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Omtanke.Web.Hosting;

/// <summary>
/// What a user reads when a request fails: the error page for a person, a problem description for a machine
/// client. Both say, in Swedish, what went wrong and what to do, and nothing about the service's insides.
/// </summary>
public static class ErrorResponses
{
    public const string ApiTitle = "Felaktig begäran";

    public static string Message(int status, WebOptions options) => status switch
    {
        400 => "Begäran kunde inte tas emot. Ladda om sidan och försök igen.",
        401 => "Du är inte inloggad. Logga in, eller skicka en giltig API-nyckel i huvudet X-Api-Key.",
        403 => "Du har inte behörighet till den här sidan. Be en administratör om en annan roll om du behöver den.",
        404 => "Sidan finns inte. Kontrollera adressen eller gå till översikten.",
        413 => $"Filen är för stor: största tillåtna storlek är {options.MaxUploadBytes / (1024 * 1024)} MB. " +
               "Dela upp extraktet i flera filer, till exempel en per kvartal, och ladda upp dem var för sig.",
        429 => "Tjänsten tar fram många rapporter just nu. Vänta en stund och försök igen.",
        _ => "Något gick fel hos oss. Försök igen om en stund; kvarstår felet, kontakta förvaltningen.",
    };

    /// <summary>
    /// Exceptions for the error handlers: a request the server refused while reading it (too large a body, a body
    /// cut off) keeps its own status, also where the form reader wrapped it; anything else is the server's fault.
    /// </summary>
    public static void UseOmtankeErrorResponses(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<WebOptions>();
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = StatusOf,
                ExceptionHandler = context => WriteProblemAsync(context, options),
            });
            api.UseStatusCodePages(context => WriteProblemAsync(context.HttpContext, options));
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/fel", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/fel/{0}");
        });
        // The error page that explains a 413 is the same request again: it must pass.
        app.Use((context, next) => context.Request.ContentLength > options.MaxRequestBytes
                                   && context.Features.Get<IStatusCodeReExecuteFeature>() is null
            ? TooLargeAsync(context, options)
            : next());
    }

    /// <summary>
    /// A body declared larger than the limit is refused before anything parses it: the form reader and the
    /// antiforgery check would otherwise meet the server's limit midway and report a failure of their own. A
    /// browser shows no answer until it has sent its body, so a body up to twice the limit is read and thrown
    /// away (no memory, only the network) for the user to see why; a larger one is cut off.
    /// </summary>
    private static async Task TooLargeAsync(HttpContext context, WebOptions options)
    {
        if (context.Request.ContentLength <= 2 * options.MaxRequestBytes
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static int StatusOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException bad) return bad.StatusCode;
        return StatusCodes.Status500InternalServerError;
    }

    private static Task WriteProblemAsync(HttpContext context, WebOptions options)
    {
        var status = context.Response.StatusCode;
        return Results.Problem(detail: Message(status, options), statusCode: status, title: ApiTitle).ExecuteAsync(context);
    }
}
