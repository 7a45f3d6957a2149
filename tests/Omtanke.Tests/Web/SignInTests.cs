using System.Net;

namespace Omtanke.Tests.Web;

public sealed class SignInTests
{
    [Test]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_every_page_and_gets_401_from_the_api()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = host.Anonymous();
        foreach (var page in new[] { "/", "/indikator/sip_antal", "/leveranser", "/rapporter", "/mal", "/konton", "/hangfire" })
        {
            var response = await client.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), page);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/logga-in"), page);
        }
        foreach (var endpoint in new[] { "/api/indicators", "/api/values?from=2024-01&to=2024-06", "/api/deliveries" })
            Assert.That((await client.GetAsync(endpoint)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), endpoint);
        Assert.That((await client.GetAsync("/logga-in")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_password_is_refused_in_Swedish_and_both_failed_and_successful_sign_ins_are_audited()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = host.Anonymous();
        var refused = await client.PostAsync("/logga-in", await WebTestHost.FormAsync(client, "/logga-in", new()
        {
            ["UserName"] = WebTestHost.Reader,
            ["Password"] = "fel lösenord",
        }));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Fel användarnamn eller lösenord."));

        await host.SignInAsync(WebTestHost.Reader);
        Assert.That(await host.ScalarAsync(
            "SELECT count(*) FROM audit_log WHERE actor = $1 AND action = 'inloggning-misslyckad'", WebTestHost.Reader), Is.EqualTo(1L));
        Assert.That(await host.ScalarAsync(
            "SELECT count(*) FROM audit_log WHERE actor = $1 AND action = 'inloggning'", WebTestHost.Reader), Is.EqualTo(1L));
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Reader);
        Assert.That((await client.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await client.PostAsync("/logga-ut", await WebTestHost.FormAsync(client, "/", []));
        Assert.That((await client.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Without_an_identity_provider_configured_only_local_sign_in_is_offered()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = host.Anonymous();
        Assert.That(await client.GetStringAsync("/logga-in"), Does.Not.Contain("Logga in med"));
        var response = await client.PostAsync("/logga-in?handler=Oidc", await WebTestHost.FormAsync(client, "/logga-in", []));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Only_an_administrator_reaches_the_job_dashboard()
    {
        await using var host = await WebTestHost.StartAsync();
        var admin = await host.SignInAsync(WebTestHost.Admin);
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await dashboard.Content.ReadAsStringAsync(), Does.Contain("Omtanke – bakgrundsjobb"));
        var analyst = await host.SignInAsync(WebTestHost.Analyst);
        Assert.That((await analyst.GetAsync("/hangfire")).Headers.Location!.ToString(), Does.Contain("/fel/403"));
    }
}
