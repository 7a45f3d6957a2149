using System.Net;
using Npgsql;
using Omtanke.Tests.Support;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>
/// Issue 22: a body over the size limit is refused by the real server (Kestrel, which the in-process test host
/// has not) with the limit in the message, in the web form and in the API.
/// </summary>
public sealed class UploadLimitTests
{
    private const int LimitBytes = 1024 * 1024;

    [Test]
    public async Task An_upload_over_the_size_limit_is_told_the_limit_in_the_form_and_in_the_api()
    {
        var work = Directory.CreateTempSubdirectory("omtanke-limit-");
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var serve = await ServeProcess.StartAsync(connectionString, Path.Combine(work.FullName, "inbox"),
            new Dictionary<string, string> { ["Omtanke__MaxUploadBytes"] = LimitBytes.ToString() });
        await using var db = NpgsqlDataSource.Create(connectionString);
        await new UserStore(db).CreateAsync(WebTestHost.Analyst, "Anna", WebTestHost.Password, Roles.Analyst, null, "test");
        var key = await new ApiKeyStore(db).CreateAsync("system", Roles.Analyst, null, "test");
        var tooLarge = new byte[3 * LimitBytes];
        Array.Fill(tooLarge, (byte)'x');

        using var person = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = serve.BaseAddress };
        await person.PostAsync("/logga-in", await WebTestHost.FormAsync(person, "/logga-in", new()
        {
            ["UserName"] = WebTestHost.Analyst, ["Password"] = WebTestHost.Password,
        }));
        var form = await WebTestHost.UploadAsync(person, tooLarge, "stor.csv");
        var page = await form.Content.ReadAsStringAsync();
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), page);
        Assert.That(page, Does.Contain("största tillåtna storlek är 1 MB").And.Not.Contain("Något gick fel hos oss"));

        using var machine = serve.Client(key);
        var api = await machine.PostAsync("/api/imports",
            new MultipartFormDataContent { { new ByteArrayContent(tooLarge), "file", "stor.csv" } });
        var problem = await api.Content.ReadAsStringAsync();
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), problem);
        Assert.That(problem, Does.Contain("största tillåtna storlek är 1 MB"));
        work.Delete(recursive: true);
    }
}
