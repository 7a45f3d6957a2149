using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>Issue 22: behind a TLS-terminating proxy the session cookie is Secure and HSTS is sent; nothing is cached.</summary>
public sealed class TransportSecurityTests
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "10.0.0.66";

    private static Task<WebTestHost> StartBehindProxyAsync() =>
        WebTestHost.StartAsync(new Dictionary<string, string> { ["Omtanke:KnownProxies:0"] = Proxy });

    /// <summary>A request as it arrives from <paramref name="from"/>, which says the client used HTTPS.</summary>
    private static Task<HttpContext> ForwardedAsync(WebTestHost host, string from, string path, string method = "GET",
        string? cookie = null, string? form = null) =>
        host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "192.0.2.7";
            if (cookie is not null) c.Request.Headers.Cookie = cookie;
            if (form is null) return;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(form));
        });

    [Test]
    public async Task Behind_a_known_proxy_that_forwards_https_the_session_cookie_is_secure_and_hsts_is_sent()
    {
        await using var host = await StartBehindProxyAsync();
        var page = await ForwardedAsync(host, Proxy, "/logga-in");
        Assert.That(page.Response.Headers.StrictTransportSecurity.ToString(), Does.StartWith("max-age="));
        var html = await new StreamReader(page.Response.Body).ReadToEndAsync();
        var antiforgery = page.Response.Headers.SetCookie.ToString().Split(';')[0];
        var form = $"UserName={WebTestHost.Reader}&Password={Uri.EscapeDataString(WebTestHost.Password)}" +
                   $"&__RequestVerificationToken={Uri.EscapeDataString(WebTestHost.AntiforgeryToken(html))}";

        var signIn = await ForwardedAsync(host, Proxy, "/logga-in", "POST", antiforgery, form);

        Assert.That(signIn.Response.StatusCode, Is.EqualTo(StatusCodes.Status302Found));
        var session = signIn.Response.Headers.SetCookie.Single(c => c!.StartsWith("omtanke="))!;
        Assert.That(session.ToLowerInvariant(), Does.Contain("; secure").And.Contain("; httponly"));
    }

    [Test]
    public async Task Forwarded_headers_from_an_address_that_is_no_known_proxy_are_ignored()
    {
        await using var host = await StartBehindProxyAsync();
        var page = await ForwardedAsync(host, Stranger, "/logga-in");
        Assert.That(page.Request.IsHttps, Is.False);
        Assert.That(page.Connection.RemoteIpAddress!.ToString(), Is.EqualTo(Stranger));
        Assert.That(page.Response.Headers.ContainsKey("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task Api_answers_pages_and_downloads_are_not_stored_by_any_cache()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var key = await host.KeyClientAsync(Roles.Analyst);
        var person = await host.SignInAsync(WebTestHost.Analyst);
        foreach (var response in new[]
                 {
                     await key.GetAsync("/api/values?from=2024-06&to=2024-06"),
                     await key.GetAsync("/api/deliveries"),
                     await person.GetAsync("/"),
                     await person.GetAsync("/rapporter?handler=Manad&manad=2024-06"),
                 })
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.RequestMessage!.RequestUri!.ToString());
    }
}
