using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

public sealed class ApiTests
{
    [Test]
    public async Task The_catalogue_lists_all_23_indicators()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.KeyClientAsync(Roles.Reader);
        var catalogue = await client.GetFromJsonAsync<JsonElement>("/api/indicators");
        Assert.That(catalogue.GetArrayLength(), Is.EqualTo(23));
        Assert.That(catalogue[0].GetProperty("id").GetString(), Is.EqualTo("uk_medeldagar_somatik"));
    }

    [Test]
    public async Task Values_are_filtered_and_paged_and_hidden_values_come_without_numbers_for_a_reader()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        const string query = "/api/values?from=2024-06&to=2024-06&indicator=pal_brytpunktssamtal&area=1315";
        var reader = await (await host.KeyClientAsync(Roles.Reader)).GetFromJsonAsync<JsonElement>(query);
        var analyst = await (await host.KeyClientAsync(Roles.Analyst)).GetFromJsonAsync<JsonElement>(query);
        var hidden = reader.GetProperty("items")[0];
        Assert.That(hidden.GetProperty("symbol").GetString(), Is.EqualTo(".."));
        Assert.That(hidden.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(hidden.GetProperty("numerator").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(analyst.GetProperty("items")[0].GetProperty("value").GetDecimal(), Is.EqualTo(50m));

        var paged = await (await host.KeyClientAsync(Roles.Analyst)).GetFromJsonAsync<JsonElement>(
            "/api/values?from=2024-06&to=2024-06&indicator=pal_brytpunktssamtal&indicator=pal_smartskattning&page=2&pageSize=5");
        Assert.That(paged.GetProperty("total").GetInt32(), Is.EqualTo(14), "two indicators × (six municipalities + region)");
        Assert.That(paged.GetProperty("items").GetArrayLength(), Is.EqualTo(5));
        Assert.That(paged.GetProperty("pageNumber").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_municipality_key_sees_its_own_hidden_values_and_others_as_published()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        const string query = "/api/values?from=2024-06&to=2024-06&indicator=pal_brytpunktssamtal&area=1315";
        var hylte = await (await host.KeyClientAsync(Roles.Municipality, SampleFiles.HylteKommun)).GetFromJsonAsync<JsonElement>(query);
        var varberg = await (await host.KeyClientAsync(Roles.Municipality, "1383")).GetFromJsonAsync<JsonElement>(query);
        Assert.That(hylte.GetProperty("items")[0].GetProperty("value").GetDecimal(), Is.EqualTo(50m));
        Assert.That(varberg.GetProperty("items")[0].GetProperty("symbol").GetString(), Is.EqualTo(".."));
    }

    [Test]
    public async Task Bad_filters_get_a_Swedish_problem_description()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.KeyClientAsync(Roles.Reader);
        var response = await client.GetAsync("/api/values?from=juni&to=2024-06");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ÅÅÅÅ-MM"));
    }

    [Test]
    public async Task A_wrong_api_key_gets_401()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyStore.Header, "omk_000000000000_fel");
        Assert.That((await client.GetAsync("/api/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_import_by_upload_returns_a_job_to_poll_that_ends_with_the_delivery_and_its_status()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.KeyClientAsync(Roles.Analyst);
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(SampleFiles.PathOf(SampleFiles.Palliativ202406))), "file", "palliativ juni.csv" },
        };
        var response = await client.PostAsync("/api/imports", upload);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await host.WaitForJobAsync(jobId);

        var job = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{jobId}");
        Assert.That(job.GetProperty("state").GetString(), Is.EqualTo("klar"));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("importerad"));
        var deliveryId = job.GetProperty("deliveryId").GetInt64();
        var delivery = await client.GetFromJsonAsync<JsonElement>($"/api/deliveries/{deliveryId}");
        Assert.That(delivery.GetProperty("delivery").GetProperty("fileName").GetString(), Is.EqualTo("palliativ juni.csv"));
        Assert.That(delivery.GetProperty("delivery").GetProperty("importedVia").GetString(), Is.EqualTo("api"));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/deliveries");
        Assert.That(list.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_reader_key_may_not_import_and_a_signed_in_browser_may_not_use_the_import_endpoint()
    {
        await using var host = await WebTestHost.StartAsync();
        var upload = () => new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(SampleFiles.PathOf(SampleFiles.Palliativ202406))), "file", "p.csv" },
        };
        var reader = await host.KeyClientAsync(Roles.Reader);
        Assert.That((await reader.PostAsync("/api/imports", upload())).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await reader.GetAsync("/api/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var browser = await host.SignInAsync(WebTestHost.Admin);
        Assert.That((await browser.PostAsync("/api/imports", upload())).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries"), Is.EqualTo(0L));
    }

    [Test]
    public async Task The_OpenAPI_description_is_served_and_names_the_endpoints()
    {
        await using var host = await WebTestHost.StartAsync();
        var document = await host.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/indicators", "/api/values", "/api/deliveries", "/api/deliveries/{id}", "/api/imports", "/api/imports/{jobId}" })
            Assert.That(paths.TryGetProperty(path, out _), Is.True, path);
    }
}
