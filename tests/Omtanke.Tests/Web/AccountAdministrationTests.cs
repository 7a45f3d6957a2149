using System.Net;
using System.Text.RegularExpressions;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>Administrators manage accounts and API keys under Konton; everyone changes their own password.</summary>
public sealed partial class AccountAdministrationTests
{
    private const string NewPassword = "ett-helt-nytt-lösenord";

    private static async Task<long> IdOfAsync(WebTestHost host, string userName) =>
        (long)(await host.ScalarAsync("SELECT id FROM users WHERE user_name = $1", userName))!;

    /// <summary>Posts a form of the page, with the page's antiforgery token, and returns the page it answers with.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler,
        Dictionary<string, string> fields) =>
        await client.PostAsync(handler.Length == 0 ? page : $"{page}?handler={handler}", await WebTestHost.FormAsync(client, page, fields));

    private static async Task<string> PostPageAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var response = await PostAsync(client, page, handler, fields);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{page} {handler}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<bool> CanSignInAsync(WebTestHost host, string userName, string password)
    {
        var client = host.Anonymous();
        var response = await client.PostAsync("/logga-in", await WebTestHost.FormAsync(client, "/logga-in", new()
        {
            ["UserName"] = userName,
            ["Password"] = password,
        }));
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    private static async Task<bool> IsSignedInAsync(HttpClient client) => (await client.GetAsync("/")).StatusCode == HttpStatusCode.OK;

    private static Task<object?> AuditAsync(WebTestHost host, string action) => host.ScalarAsync(
        "SELECT string_agg(actor || ' ' || coalesce(subject, ''), ', ' ORDER BY id) FROM audit_log WHERE action = $1", action);

    [Test]
    public async Task A_role_change_reaches_the_users_open_session_at_its_next_request_and_is_audited()
    {
        await using var host = await WebTestHost.StartAsync();
        var lars = await host.SignInAsync(WebTestHost.Reader);
        Assert.That((await lars.GetAsync("/leveranser")).Headers.Location!.ToString(), Does.Contain("/fel/403"));
        var admin = await host.SignInAsync(WebTestHost.Admin);
        var page = $"/konton/{await IdOfAsync(host, WebTestHost.Reader)}";

        var refused = await PostPageAsync(admin, page, "Role", new() { ["Role"] = Roles.Municipality, ["Kommunkod"] = "" });
        Assert.That(refused, Does.Contain("Rollen kommun kräver en kommun"));

        var saved = await PostPageAsync(admin, page, "Role", new() { ["Role"] = Roles.Municipality, ["Kommunkod"] = "1381" });
        Assert.That(saved, Does.Contain("Rollen är nu kommun för Laholm."));

        Assert.That(await lars.GetStringAsync("/"), Does.Contain("lars (kommun Laholm)"));
        Assert.That((await lars.GetAsync("/leveranser")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await host.ScalarAsync(
            "SELECT actor || ' ' || subject || ' ' || (details->>'from') || '→' || (details->>'role') || ' ' || (details->>'kommunkod') FROM audit_log WHERE action = 'konto-roll-ändrad'"),
            Is.EqualTo("ada lars läsare→kommun 1381"));
    }

    [Test]
    public async Task A_password_set_by_an_administrator_ends_the_users_sessions_and_replaces_the_old_password()
    {
        await using var host = await WebTestHost.StartAsync();
        var anna = await host.SignInAsync(WebTestHost.Analyst);
        var admin = await host.SignInAsync(WebTestHost.Admin);
        var page = $"/konton/{await IdOfAsync(host, WebTestHost.Analyst)}";

        Assert.That(await PostPageAsync(admin, page, "Password", new() { ["Password"] = "kort" }),
            Does.Contain("Lösenordet ska ha minst 12 tecken."));
        Assert.That(await PostPageAsync(admin, page, "Password", new() { ["Password"] = NewPassword }),
            Does.Contain("Lösenordet är satt."));

        Assert.That(await IsSignedInAsync(anna), Is.False, "the session made with the old password has ended");
        Assert.That(await CanSignInAsync(host, WebTestHost.Analyst, WebTestHost.Password), Is.False);
        Assert.That(await CanSignInAsync(host, WebTestHost.Analyst, NewPassword), Is.True);
        Assert.That(await IsSignedInAsync(admin), Is.True);
        Assert.That(await AuditAsync(host, "lösenord-satt"), Is.EqualTo("ada anna"));
    }

    [Test]
    public async Task A_deactivated_user_is_signed_out_at_once_and_cannot_sign_in_until_reactivated()
    {
        await using var host = await WebTestHost.StartAsync();
        var vera = await host.SignInAsync(WebTestHost.Municipality);
        var admin = await host.SignInAsync(WebTestHost.Admin);
        var page = $"/konton/{await IdOfAsync(host, WebTestHost.Municipality)}";

        Assert.That(await PostPageAsync(admin, page, "Deactivate", []), Does.Contain("Kontot är avstängt.").And.Contain("Återaktivera vera"));

        Assert.That(await IsSignedInAsync(vera), Is.False);
        Assert.That(await CanSignInAsync(host, WebTestHost.Municipality, WebTestHost.Password), Is.False);
        Assert.That(await admin.GetStringAsync("/konton"), Does.Match(@"vera</a></td>[\s\S]*?avstängt \d{4}-\d{2}-\d{2}"));

        Assert.That(await PostPageAsync(admin, page, "Reactivate", []), Does.Contain("Kontot är aktivt igen."));
        Assert.That(await CanSignInAsync(host, WebTestHost.Municipality, WebTestHost.Password), Is.True);
        Assert.That(await AuditAsync(host, "konto-avstängt"), Is.EqualTo("ada vera"));
        Assert.That(await AuditAsync(host, "konto-återaktiverat"), Is.EqualTo("ada vera"));
    }

    [Test]
    public async Task The_last_administrator_can_be_neither_demoted_nor_deactivated_and_nobody_deactivates_themselves()
    {
        await using var host = await WebTestHost.StartAsync();
        var admin = await host.SignInAsync(WebTestHost.Admin);
        var own = $"/konton/{await IdOfAsync(host, WebTestHost.Admin)}";
        // The host's first start made the demo administrator beside ada.
        Assert.That(await PostPageAsync(admin, $"/konton/{await IdOfAsync(host, DemoAdministrator.UserName)}", "Deactivate", []),
            Does.Contain("Kontot är avstängt."));

        Assert.That(await PostPageAsync(admin, own, "Role", new() { ["Role"] = Roles.Reader }),
            Does.Contain("ada är den enda aktiva administratören. Ge först någon annan rollen administratör."));
        Assert.That(await PostPageAsync(admin, own, "Deactivate", []), Does.Contain("Du kan inte stänga av ditt eget konto."));

        await PostPageAsync(admin, $"/konton/{await IdOfAsync(host, WebTestHost.Analyst)}", "Role", new() { ["Role"] = Roles.Administrator });
        Assert.That(await PostPageAsync(admin, own, "Role", new() { ["Role"] = Roles.Analyst }), Does.Contain("Rollen är nu analytiker."));
        Assert.That((await admin.GetAsync("/konton")).Headers.Location!.ToString(), Does.Contain("/fel/403"),
            "the former administrator's own session lost the role at once");
        Assert.That(await host.ScalarAsync("SELECT string_agg(user_name, ',') FROM users WHERE role = 'administratör' AND disabled_at IS NULL"), Is.EqualTo(WebTestHost.Analyst));
    }

    [Test]
    public async Task A_revoked_api_key_stops_working_at_its_next_request_and_the_revocation_is_audited()
    {
        await using var host = await WebTestHost.StartAsync();
        var admin = await host.SignInAsync(WebTestHost.Admin);
        var created = await PostPageAsync(admin, "/konton", "Key", new() { ["Name"] = "Varbergs statistik", ["Role"] = Roles.Municipality, ["Kommunkod"] = "1383" });
        var key = NewKeyPattern().Match(created).Groups[1].Value;
        var machine = host.KeyClient(key);
        Assert.That((await machine.GetAsync("/api/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var listed = await admin.GetStringAsync("/konton");
        Assert.That(listed, Does.Contain("Varbergs statistik").And.Contain($"{key[..17]}…").And.Not.Contain(key));
        var keyId = (long)(await host.ScalarAsync("SELECT id FROM api_keys WHERE name = 'Varbergs statistik'"))!;
        var revoked = await PostPageAsync(admin, "/konton", "Revoke", new() { ["KeyId"] = keyId.ToString() });

        Assert.That(revoked, Does.Contain("API-nyckeln Varbergs statistik är återkallad och fungerar inte längre.").And.Contain("återkallad 20"));
        Assert.That((await machine.GetAsync("/api/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await AuditAsync(host, "api-nyckel-återkallad"), Is.EqualTo("ada Varbergs statistik"));
    }

    [Test]
    public async Task Only_an_administrator_reaches_account_administration_and_its_forms_need_the_antiforgery_token()
    {
        await using var host = await WebTestHost.StartAsync();
        var page = $"/konton/{await IdOfAsync(host, WebTestHost.Reader)}";
        foreach (var user in new[] { WebTestHost.Analyst, WebTestHost.Municipality, WebTestHost.Reader })
        {
            var client = await host.SignInAsync(user);
            Assert.That((await client.GetAsync("/konton")).Headers.Location!.ToString(), Does.Contain("/fel/403"), user);
            Assert.That((await client.GetAsync(page)).Headers.Location!.ToString(), Does.Contain("/fel/403"), user);
            // A token of a page the user may see, on a form they may not post.
            var post = await client.PostAsync($"{page}?handler=Role",
                await WebTestHost.FormAsync(client, "/mal", new() { ["Role"] = Roles.Administrator }));
            Assert.That(post.Headers.Location!.ToString(), Does.Contain("/fel/403"), user);
        }
        var analystKey = await host.KeyClientAsync(Roles.Analyst);
        Assert.That((await analystKey.GetAsync("/konton")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var admin = await host.SignInAsync(WebTestHost.Admin);
        var forged = await admin.PostAsync($"{page}?handler=Role", new FormUrlEncodedContent(new Dictionary<string, string> { ["Role"] = Roles.Administrator }));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await host.ScalarAsync("SELECT role FROM users WHERE user_name = $1", WebTestHost.Reader), Is.EqualTo(Roles.Reader));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'konto-roll-ändrad'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task A_signed_in_user_changes_their_own_password_by_proving_the_current_one_and_stays_signed_in()
    {
        await using var host = await WebTestHost.StartAsync();
        var elsewhere = await host.SignInAsync(WebTestHost.Municipality);
        var vera = await host.SignInAsync(WebTestHost.Municipality);
        Assert.That(await vera.GetStringAsync("/"), Does.Contain("href=\"/konto/losenord\""));
        const string page = "/konto/losenord";
        Dictionary<string, string> Form(string current, string password, string repeat) =>
            new() { ["Current"] = current, ["Password"] = password, ["Repeat"] = repeat };

        Assert.That(await PostPageAsync(vera, page, "", Form("fel lösenord", NewPassword, NewPassword)),
            Does.Contain("Det nuvarande lösenordet stämmer inte."));
        Assert.That(await PostPageAsync(vera, page, "", Form(WebTestHost.Password, NewPassword, NewPassword + "x")),
            Does.Contain("De två nya lösenorden är inte lika."));
        Assert.That(await PostPageAsync(vera, page, "", Form(WebTestHost.Password, "kort", "kort")),
            Does.Contain("Lösenordet ska ha minst 12 tecken."));
        Assert.That(await PostPageAsync(vera, page, "", Form(WebTestHost.Password, NewPassword, NewPassword)),
            Does.Contain("Lösenordet är bytt."));

        Assert.That(await IsSignedInAsync(vera), Is.True, "this session goes on");
        Assert.That(await IsSignedInAsync(elsewhere), Is.False, "the session in another browser has ended");
        Assert.That(await CanSignInAsync(host, WebTestHost.Municipality, WebTestHost.Password), Is.False);
        Assert.That(await CanSignInAsync(host, WebTestHost.Municipality, NewPassword), Is.True);
        Assert.That(await AuditAsync(host, "lösenord-bytt"), Is.EqualTo("vera vera"));
        Assert.That(await AuditAsync(host, "lösenord-byte-nekat"), Is.EqualTo("vera vera"));
    }

    [GeneratedRegex("<pre class=\"report\" id=\"new-key\">([^<]+)</pre>")]
    private static partial Regex NewKeyPattern();
}
