using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>Issue 26 in the API: approvals, revisions and comments, with the role rules.</summary>
public sealed class MeetingApiTests
{
    private static readonly object Comment = new
    {
        indicator = "pal_brytpunktssamtal", area = "1383", period = "2024-06", text = "=Förklaring: ny rutin",
    };

    [Test]
    public async Task An_analyst_approves_a_month_a_reader_may_not_and_everyone_sees_the_snapshot_and_the_revisions()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var reader = await host.KeyClientAsync(Roles.Reader);

        var refused = await reader.PostAsJsonAsync("/api/snapshots", new { month = "2024-06" });
        var approved = await (await host.KeyClientAsync(Roles.Analyst)).PostAsJsonAsync("/api/snapshots", new { month = "2024-06" });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.Created), await approved.Content.ReadAsStringAsync());
        var id = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var snapshots = await reader.GetFromJsonAsync<JsonElement>("/api/snapshots");
        Assert.That(snapshots[0].GetProperty("id").GetInt64(), Is.EqualTo(id));
        Assert.That(snapshots[0].GetProperty("month").GetString(), Is.EqualTo("2024-06"));
        Assert.That((await reader.GetFromJsonAsync<JsonElement>("/api/revisions")).GetArrayLength(), Is.Zero);
    }

    [TestCase(Roles.Municipality, "1383", HttpStatusCode.Created, TestName = "A municipality comments on its own municipality")]
    [TestCase(Roles.Municipality, "1380", HttpStatusCode.Forbidden, TestName = "A municipality may not comment on another municipality")]
    [TestCase(Roles.Reader, null, HttpStatusCode.Forbidden, TestName = "A reader may not comment")]
    [TestCase(Roles.Analyst, null, HttpStatusCode.Created, TestName = "An analyst comments on any area")]
    public async Task Comments_follow_the_role_rules(string role, string? kommunkod, HttpStatusCode expected)
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.KeyClientAsync(role, kommunkod);

        var response = await client.PostAsJsonAsync("/api/comments", Comment);

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/comments?indicator=pal_brytpunktssamtal");
        Assert.That(listed.GetArrayLength(), Is.EqualTo(expected == HttpStatusCode.Created ? 1 : 0));
        if (expected == HttpStatusCode.Created)
            Assert.That(listed[0].GetProperty("text").GetString(), Is.EqualTo("=Förklaring: ny rutin"));
    }

    [Test]
    public async Task The_meeting_endpoints_are_described_in_the_OpenAPI_document()
    {
        await using var host = await WebTestHost.StartAsync();
        var document = await host.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/snapshots", "/api/revisions", "/api/comments" })
            Assert.That(paths.TryGetProperty(path, out _), Is.True, path);
        Assert.That(paths.GetProperty("/api/revisions").GetProperty("get").GetProperty("summary").GetString(), Does.Contain("ändrats"));
    }
}
