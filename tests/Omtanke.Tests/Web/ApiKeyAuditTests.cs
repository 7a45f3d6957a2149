using System.Net;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

public sealed class ApiKeyAuditTests
{
    [Test]
    public async Task Every_request_with_an_api_key_is_audited_with_key_user_method_path_and_status_but_open_endpoints_are_not()
    {
        await using var host = await WebTestHost.StartAsync();
        var reader = await host.KeyClientAsync(Roles.Reader);
        var keyId = (long)(await host.ScalarAsync("SELECT id FROM api_keys"))!;

        Assert.That((await reader.GetAsync("/api/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await reader.GetAsync("/api/values?from=juni&to=2024-06")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await reader.GetAsync("/api/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await reader.GetAsync("/mal")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var open in new[] { "/site.css", "/health", "/openapi/v1.json" })
            Assert.That((await reader.GetAsync(open)).StatusCode, Is.EqualTo(HttpStatusCode.OK), open);
        var person = await host.SignInAsync(WebTestHost.Reader);
        await person.GetAsync("/api/indicators");

        var audited = await host.ScalarAsync("""
            SELECT string_agg(concat_ws(' ', actor, details->>'key', details->>'role', details->>'method', subject,
                                        details->>'query', details->>'status'), ' | ' ORDER BY id)
            FROM audit_log WHERE action = 'api-anrop'
            """);
        Assert.That(audited, Is.EqualTo(string.Join(" | ",
            $"api:system-läsare {keyId} läsare GET /api/indicators 200",
            $"api:system-läsare {keyId} läsare GET /api/values ?from=juni&to=2024-06 400",
            $"api:system-läsare {keyId} läsare GET /api/deliveries 403",
            $"api:system-läsare {keyId} läsare GET /mal 200")));
    }

    [Test]
    public async Task An_upload_through_the_api_is_audited_as_a_request_and_as_its_import()
    {
        await using var host = await WebTestHost.StartAsync();
        var analyst = await host.KeyClientAsync(Roles.Analyst);
        var response = await analyst.PostAsync("/api/imports", new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(SampleFiles.PathOf(SampleFiles.Palliativ202406))), "file", "juni.csv" },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var jobId = response.Headers.Location!.ToString().Split('/').Last();
        await host.WaitForJobAsync(jobId);

        Assert.That(await host.ScalarAsync(
            "SELECT string_agg(action || ' ' || actor || ' ' || subject, ' | ' ORDER BY action) FROM audit_log WHERE actor LIKE 'api:%'"),
            Is.EqualTo("api-anrop api:system-analytiker /api/imports | import api:system-analytiker juni.csv"));
    }
}
