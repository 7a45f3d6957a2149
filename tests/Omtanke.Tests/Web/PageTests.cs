using System.Net;

namespace Omtanke.Tests.Web;

public sealed class PageTests
{
    private static readonly string[] Pages = ["/", "/indikator/pal_brytpunktssamtal", "/rapporter", "/mal"];

    [Test]
    public async Task Every_page_renders_in_Swedish_for_an_administrator()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var client = await host.SignInAsync(WebTestHost.Admin);
        var deliveryId = await host.ScalarAsync("SELECT min(id) FROM deliveries");
        var expected = new Dictionary<string, string>
        {
            ["/"] = "Översikt – juni 2024",
            ["/indikator/pal_brytpunktssamtal"] = "Andel väntade dödsfall med brytpunktssamtal",
            ["/leveranser"] = "Leveranshistorik",
            [$"/leveranser/{deliveryId}"] = "2024-06.csv",
            ["/rapporter"] = "Hämta en rapport",
            ["/mal"] = "Ändra ett mål",
            ["/konton"] = "Ny API-nyckel",
        };
        foreach (var (page, text) in expected)
        {
            var response = await client.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(text), page);
        }
    }

    [Test]
    public async Task Översikt_shows_the_latest_month_with_targets_preliminary_marks_and_missing_deliveries()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var html = await (await host.SignInAsync(WebTestHost.Analyst)).GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("≥ 98"), "the default target of pal_brytpunktssamtal");
            Assert.That(html, Does.Contain("mal-ej").Or.Contain("mal-ok"), "values judged against their target");
            Assert.That(html, Does.Contain("Saknade leveranser för juni 2024"));
            Assert.That(html, Does.Contain("<b>utskrivningsklara</b>"), "a source with no delivery for the month");
        });
    }

    [Test]
    public async Task A_reader_sees_hidden_values_as_symbols_where_an_analyst_sees_the_numbers()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        const string page = "/indikator/pal_brytpunktssamtal?periodtyp=month&fran=2024-06&till=2024-06";
        var reader = await (await host.SignInAsync(WebTestHost.Reader)).GetStringAsync(page);
        var analyst = await (await host.SignInAsync(WebTestHost.Analyst)).GetStringAsync(page);
        // Hylte: 2 of 4 expected deaths had the conversation.
        Assert.That(analyst, Does.Contain(">50,0<"));
        Assert.That(analyst, Does.Contain("2 / 4"));
        Assert.That(reader, Does.Not.Contain(">50,0<"));
        Assert.That(reader, Does.Not.Contain("2 / 4"));
        Assert.That(reader, Does.Contain(">..<"));
    }

    [Test]
    public async Task A_municipality_sees_its_own_hidden_values_but_not_another_municipalitys()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        await host.ScalarAsync("UPDATE users SET kommunkod = $1 WHERE user_name = $2", SampleFiles.HylteKommun, WebTestHost.Municipality);
        var hylte = await (await host.SignInAsync(WebTestHost.Municipality)).GetStringAsync(
            "/indikator/pal_brytpunktssamtal?fran=2024-06&till=2024-06");
        Assert.That(hylte, Does.Contain(">50,0<"));

        await host.ScalarAsync("UPDATE users SET kommunkod = $1 WHERE user_name = $2", WebTestHost.MunicipalityCode, WebTestHost.Municipality);
        var varberg = await (await host.SignInAsync(WebTestHost.Municipality)).GetStringAsync(
            "/indikator/pal_brytpunktssamtal?fran=2024-06&till=2024-06");
        Assert.That(varberg, Does.Not.Contain(">50,0<"));
    }

    [Test]
    public async Task A_reader_may_read_but_is_refused_deliveries_accounts_target_changes_and_the_job_dashboard()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Reader);
        foreach (var page in Pages)
            Assert.That((await client.GetAsync(page)).StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
        foreach (var page in new[] { "/leveranser", "/konton", "/hangfire" })
        {
            var response = await client.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), page);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/fel/403"), page);
        }
        var change = await client.PostAsync("/mal", await WebTestHost.FormAsync(client, "/mal", new()
        {
            ["Indicator"] = "sip_antal", ["Value"] = "100", ["Direction"] = "at_least", ["From"] = "2024-01",
        }));
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM targets WHERE indicator_id = 'sip_antal'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task An_administrator_changes_a_target_and_the_change_is_audited_with_who()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Admin);
        var response = await client.PostAsync("/mal", await WebTestHost.FormAsync(client, "/mal", new()
        {
            ["Indicator"] = "uk_medeldagar_somatik", ["Value"] = "2,5", ["Direction"] = "at_most", ["From"] = "2024-01",
        }));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("gäller från 2024-01"));
        Assert.That(await host.ScalarAsync("SELECT value FROM targets WHERE indicator_id = 'uk_medeldagar_somatik'"), Is.EqualTo(2.5m));
        Assert.That(await host.ScalarAsync("SELECT actor FROM audit_log WHERE action = 'mål-ändrat'"), Is.EqualTo(WebTestHost.Admin));
    }

    [Test]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Admin);
        var response = await client.PostAsync("/mal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Indicator"] = "sip_antal", ["Value"] = "1", ["Direction"] = "at_least", ["From"] = "2024-01",
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM targets WHERE indicator_id = 'sip_antal'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task Pages_carry_security_headers_and_errors_show_a_Swedish_page_that_leaks_nothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Reader);
        var page = await client.GetAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"));
            Assert.That(page.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        });
        var missing = await client.GetAsync("/finns-inte");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var html = await missing.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Sidan finns inte"));
        Assert.That(html, Does.Not.Contain("Exception").And.Not.Contain("at Omtanke"));
    }

    [Test]
    public async Task Health_reports_the_database_and_the_job_server()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = host.Anonymous();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        do
        {
            body = await client.GetStringAsync("/health");
            if (body.Contains("\"status\":\"Healthy\",\"checks\"")) break;
            await Task.Delay(500);
        } while (DateTime.UtcNow < deadline);
        Assert.That(body, Does.StartWith("{\"status\":\"Healthy\""));
        Assert.That(body, Does.Contain("\"databas\"").And.Contain("\"jobbserver\""));
    }
}
