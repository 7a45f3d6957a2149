using System.Net.Http.Json;
using System.Text.Json;
using Omtanke.Core.Indicators;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>What the API and the delivery pages show a reader and each municipality, checked against the disclosure engine.</summary>
public sealed class DisclosureApiTests
{
    [Test]
    public async Task The_values_api_shows_a_reader_and_every_municipality_exactly_what_the_engine_publishes_to_them()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var stored = await ServiceExtensions.RowsAsync(host.Db, """
            SELECT indicator_id, area, numerator::text, denominator::text, suppressed FROM indicator_values
            WHERE period = '2024-06' AND indicator_id LIKE 'pal_%'
            """);
        Assert.That(stored.Count(r => r.EndsWith("|True")), Is.GreaterThanOrEqualTo(3), "Hylte's share and at least two more");

        IEnumerable<(string Viewer, string? Kommun)> viewers = [("läsare", null), .. Areas.Municipalities.Keys.Select(k => ($"kommun {k}", (string?)k))];
        foreach (var (name, kommun) in viewers)
        {
            var client = kommun is null ? await host.KeyClientAsync(Roles.Reader) : await host.KeyClientAsync(Roles.Municipality, kommun);
            var page = await client.GetFromJsonAsync<JsonElement>(
                "/api/values?from=2024-06&to=2024-06&indicator=pal_brytpunktssamtal&indicator=pal_smartskattning&pageSize=100");
            foreach (var row in stored.Select(r => r.Split('|')))
            {
                var item = page.GetProperty("items").EnumerateArray()
                    .Single(i => i.GetProperty("indicator").GetString() == row[0] && i.GetProperty("area").GetString() == row[1]);
                var hiddenFromViewer = row[4] == "True" && row[1] != kommun;
                Assert.That(item.GetProperty("symbol").ValueKind == JsonValueKind.String, Is.EqualTo(hiddenFromViewer), $"{name}: {row[0]} {row[1]}");
                Assert.That(item.GetProperty("numerator").ValueKind == JsonValueKind.Null, Is.EqualTo(hiddenFromViewer), $"{name}: {row[0]} {row[1]}");
                Assert.That(item.GetProperty("denominator").ValueKind == JsonValueKind.Null, Is.EqualTo(hiddenFromViewer), $"{name}: {row[0]} {row[1]}");
            }
        }
    }

    [Test]
    public async Task A_municipality_sees_the_row_counts_of_its_own_slices_only()
    {
        // Issue 21: a kommun user read "2024-04 Hylte 2" on a region file's page where sip_antal was <5.
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var id = await host.ScalarAsync("SELECT max(id) FROM deliveries");
        var html = await (await host.SignInAsync(WebTestHost.Municipality)).GetStringAsync($"/leveranser/{id}");
        var rows = System.Text.RegularExpressions.Regex.Matches(html,
            @"<td>2024-06</td><td>([^<]+)</td><td class=""num"">([^<]+)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.That(rows, Has.Count.EqualTo(6));
        Assert.That(rows.Where(r => r.Item1 != "Varberg").Select(r => r.Item2), Is.All.EqualTo("–"));
        Assert.That(rows.Single(r => r.Item1 == "Varberg").Item2, Is.Not.EqualTo("–"));
        Assert.That(html, Does.Contain("visas inte (röjandeskydd)"));

        var list = await (await host.KeyClientAsync(Roles.Municipality, "1383")).GetFromJsonAsync<JsonElement>("/api/deliveries");
        Assert.That(list[0].GetProperty("rows").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
