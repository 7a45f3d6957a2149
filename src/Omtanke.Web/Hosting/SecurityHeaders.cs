using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Omtanke.Web.Hosting;

/// <summary>Headers that keep the pages from being framed, sniffed or fed scripts from elsewhere.</summary>
public static class SecurityHeaders
{
    public const string StyleSheetPath = "/site.css";

    private const string PagePolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard uses inline scripts and styles of its own.
    private const string DashboardPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Browsers that once reached the service over HTTPS keep to it for a year.</summary>
    private const string StrictTransport = "max-age=31536000";

    /// <summary>
    /// Only from the configured proxies: the scheme and client address they forward. Without this the service
    /// behind a TLS-terminating proxy sees plain HTTP and sends its session cookie without the Secure flag.
    /// </summary>
    public static void UseKnownProxies(this WebApplication app, WebOptions options)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust the loopback addresses: any process on the machine could claim HTTPS.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.KnownProxies)
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"{WebOptions.Section}:KnownProxies: '{proxy}' är ingen IP-adress. Ange proxyns IP-adress."));
        app.UseForwardedHeaders(forwarded);
    }

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        if (context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransport;
        // Pages, API answers and downloads hold data of people and municipalities: no cache keeps a copy.
        if (!context.Request.Path.StartsWithSegments(StyleSheetPath)) headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(JobServer.DashboardPath) ? DashboardPolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });
}
