using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>Issue 22, sign-in: sessions that outlive signing out, password guessing, and names that pass for someone else.</summary>
public sealed partial class SignInHardeningTests
{
    [Test]
    public async Task The_session_cookie_signed_out_with_no_longer_works_even_where_a_copy_was_kept()
    {
        await using var host = await WebTestHost.StartAsync();
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = await SignInCookieAsync(browser, WebTestHost.Reader);
        Assert.That((await GetAsync(browser, "/", session)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var page = await GetAsync(browser, "/", session);
        var antiforgery = AntiforgeryCookie(page);
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/logga-ut")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebTestHost.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        signOut.Headers.Add("Cookie", $"{session}; {antiforgery}");
        Assert.That((await browser.SendAsync(signOut)).Headers.Location!.ToString(), Is.EqualTo("/logga-in"));

        var replayed = await GetAsync(browser, "/", session);
        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(replayed.Headers.Location!.ToString(), Does.Contain("/logga-in"));
    }

    [Test]
    public async Task After_repeated_wrong_passwords_even_the_right_one_is_refused_for_a_while_and_other_accounts_are_not()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = host.Anonymous();
        for (var i = 0; i <= SignInThrottle.FreeFailuresPerAccount; i++)
            await SignInAsync(client, WebTestHost.Reader, "fel lösenord " + i);

        var right = await SignInAsync(client, WebTestHost.Reader, WebTestHost.Password);
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirect into the service");
        Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("För många misslyckade inloggningar. Vänta"));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'inloggning-spärrad'"), Is.EqualTo(1L));
        Assert.That((await SignInAsync(client, WebTestHost.Analyst, WebTestHost.Password)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task One_address_guessing_many_names_waits_but_other_addresses_do_not_and_old_failures_are_forgiven()
    {
        await using var host = await WebTestHost.StartAsync();
        var throttle = host.Services.GetRequiredService<SignInThrottle>();
        var guesser = IPAddress.Parse("192.0.2.10");
        for (var i = 0; i <= SignInThrottle.FreeFailuresPerAddress; i++) await throttle.FailedAsync($"namn{i}", guesser, default);

        Assert.That(await throttle.WaitAsync("ett-nytt-namn", guesser, default), Is.Not.Null);
        Assert.That(await throttle.WaitAsync("ett-nytt-namn", IPAddress.Parse("192.0.2.11"), default), Is.Null);

        await host.ScalarAsync("UPDATE sign_in_throttle SET last_failure = now() - interval '2 hours', blocked_until = now() - interval '1 hour'");
        await throttle.FailedAsync("namn0", guesser, default);
        Assert.That(await throttle.WaitAsync("namn0", guesser, default), Is.Null, "a failure after an hour's quiet counts from one");
    }

    [Test]
    public async Task A_person_cannot_be_named_like_an_api_key_neither_by_an_administrator_nor_by_the_identity_provider()
    {
        await using var host = await WebTestHost.StartAsync();
        var users = host.Services.GetRequiredService<UserStore>();
        var made = Assert.ThrowsAsync<AccountRefusedException>(() =>
            users.CreateAsync("api:system-kommun", "Mallory", WebTestHost.Password, Roles.Municipality, WebTestHost.MunicipalityCode, "test"));
        Assert.That(made!.Message, Does.Contain("reserverat för API-nycklar"));
        Assert.ThrowsAsync<AccountRefusedException>(() => users.ForExternalAsync("sub-mallory", "api:system-kommun", "Mallory"));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM users WHERE user_name LIKE 'api:%'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task The_identity_provider_binds_only_an_account_made_for_it_never_one_with_a_password_or_another_subject()
    {
        await using var host = await WebTestHost.StartAsync();
        var users = host.Services.GetRequiredService<UserStore>();

        var takeover = Assert.ThrowsAsync<AccountRefusedException>(() => users.ForExternalAsync("sub-mallory", WebTestHost.Admin, "Ada?"));
        Assert.That(takeover!.Message, Does.Contain("inte är kopplat till ditt organisationskonto"));
        Assert.That(await host.ScalarAsync("SELECT external_subject FROM users WHERE user_name = $1", WebTestHost.Admin), Is.Null);

        await users.CreateAsync("per", "Per Persson", null, Roles.Analyst, null, WebTestHost.Admin);
        var per = await users.ForExternalAsync("sub-per", "per", "Per Persson");
        Assert.That(per!.Role, Is.EqualTo(Roles.Analyst), "made in advance by an administrator, bound at the first sign-in");
        Assert.ThrowsAsync<AccountRefusedException>(() => users.ForExternalAsync("sub-other", "PER", "Någon annan"));
        Assert.That((await users.ForExternalAsync("sub-per", "per-nytt-namn", "Per"))!.Id, Is.EqualTo(per.Id), "found by subject after that");

        var stranger = await users.ForExternalAsync("sub-new", "nyanstalld@regionhalland.se", "Ny Anställd");
        Assert.That(stranger!.Role, Is.EqualTo(Roles.Reader));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        WebTestHost.FormAsync(client, "/logga-in", new() { ["UserName"] = userName, ["Password"] = password })
            .ContinueWith(form => client.PostAsync("/logga-in", form.Result)).Unwrap();

    /// <summary>Signs in by hand, without a cookie container, and returns the session cookie as a browser would send it.</summary>
    private static async Task<string> SignInCookieAsync(HttpClient browser, string userName)
    {
        var page = await browser.GetAsync("/logga-in");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/logga-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName, ["Password"] = WebTestHost.Password,
                ["__RequestVerificationToken"] = WebTestHost.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", AntiforgeryCookie(page));
        var signedIn = await browser.SendAsync(post);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("omtanke="));
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient browser, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return browser.SendAsync(request);
    }

    private static string AntiforgeryCookie(HttpResponseMessage page) =>
        page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => AntiforgeryName().IsMatch(c));

    [GeneratedRegex(@"^\.AspNetCore\.Antiforgery\.")]
    private static partial Regex AntiforgeryName();
}
