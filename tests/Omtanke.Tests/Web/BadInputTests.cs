using System.Net;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>
/// Issue 22: input an attacker sends on purpose, which answered 500 or a stack trace. Each gets a 400 or 404
/// with a message that says what to send instead.
/// </summary>
public sealed class BadInputTests
{
    private WebTestHost _host = default!;
    private HttpClient _analystKey = default!;
    private HttpClient _analyst = default!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await WebTestHost.StartAsync();
        _analystKey = await _host.KeyClientAsync(Roles.Analyst);
        _analyst = await _host.SignInAsync(WebTestHost.Analyst);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("/api/imports/abc", HttpStatusCode.NotFound, null)]
    [TestCase("/api/imports/99999999999999999999", HttpStatusCode.NotFound, null)] // beyond a long
    [TestCase("/api/values?from=2024-01&to=2024-06&area=%00", HttpStatusCode.BadRequest, "Okänt område ''")]
    [TestCase("/api/values?from=2024-01&to=2024-06&area=1383%00", HttpStatusCode.BadRequest, "Okänt område '1383'")]
    [TestCase("/api/values?from=2024-01&to=2024-06&indicator=sip%00", HttpStatusCode.BadRequest, "Okänd indikator 'sip'")]
    [TestCase("/api/values?from=0001-01&to=2024-06", HttpStatusCode.BadRequest, "åren 2000–2100")]
    [TestCase("/api/values?from=2024-01&to=9999-12", HttpStatusCode.BadRequest, "åren 2000–2100")]
    [TestCase("/api/deliveries?page=0", HttpStatusCode.BadRequest, "page börjar på 1")]
    public async Task A_hostile_api_request_is_a_client_error_with_a_message(string url, HttpStatusCode status, string? message)
    {
        var response = await _analystKey.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        if (message is not null) Assert.That(body, Does.Contain(message));
    }

    [Test]
    public async Task The_last_int_page_is_an_empty_page_not_an_overflow()
    {
        var values = await _analystKey.GetAsync("/api/values?from=2024-01&to=2024-06&page=2147483647&pageSize=1000");
        Assert.That(values.StatusCode, Is.EqualTo(HttpStatusCode.OK), await values.Content.ReadAsStringAsync());
        Assert.That(await values.Content.ReadAsStringAsync(), Does.Contain("\"items\":[]"));
        var deliveries = await _analystKey.GetAsync("/api/deliveries?page=2147483647");
        Assert.That(deliveries.StatusCode, Is.EqualTo(HttpStatusCode.OK), await deliveries.Content.ReadAsStringAsync());
        Assert.That(await deliveries.Content.ReadAsStringAsync(), Is.EqualTo("[]"));
    }

    [TestCase("/rapporter?handler=Manad&manad=0001-01", "Ange månaden som ÅÅÅÅ-MM, åren 2000–2100")]
    [TestCase("/rapporter?handler=Kommun&kommun=1383&fran=0001-01&till=9999-12", "ange månaderna som ÅÅÅÅ-MM, åren 2000–2100")]
    [TestCase("/rapporter?handler=Kvartal&ar=9999&kvartal=4", "Ange år (2000–2100) och kvartal 1–4.")]
    public async Task A_report_of_a_month_outside_the_calendar_is_refused_on_the_page(string url, string message)
    {
        var response = await _analyst.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
    }

    [TestCase("/indikator/sip_antal?fran=0001-01&till=9999-12&omrade=%00")]
    [TestCase("/leveranser/jobb/abc")]
    public async Task A_page_with_hostile_parameters_answers_without_a_server_error(string url)
    {
        var response = await _analyst.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.LessThan(500), url);
    }
}
