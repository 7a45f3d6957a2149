using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omtanke.Web.Accounts;
using Omtanke.Web.Jobs;

namespace Omtanke.Tests.Web;

/// <summary>A municipality uploads for its own municipality only, in the web and through the API.</summary>
public sealed class MunicipalUploadTests
{
    private const string VarbergQ1 = "extracts/hemsjukvard/1383_varberg/2024-Q1.csv";
    private const string AllMunicipalities = "extracts/palliativ/2024-06.csv";
    private const string RegionOnly = "extracts/utskrivningsklara/2024-03.csv";
    private const string OwnOnly = "Du får bara leverera för Varberg (1383).";

    private static Task<byte[]> BytesAsync(string sample) => File.ReadAllBytesAsync(SampleFiles.PathOf(sample));

    private static MultipartFormDataContent ApiUpload(byte[] content, string fileName, string? source = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        if (source is not null) form.Add(new StringContent(source), "source");
        return form;
    }

    private static Task<object?> ImportJobCountAsync(WebTestHost host) =>
        host.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportJob%'");

    [Test]
    public async Task A_municipality_user_uploads_its_own_file_which_is_imported_in_its_name_and_audited_with_its_municipality()
    {
        await using var host = await WebTestHost.StartAsync();
        var vera = await host.SignInAsync(WebTestHost.Municipality);
        var page = await vera.GetStringAsync("/leveranser");
        Assert.That(page, Does.Contain("Du levererar för Varberg (1383)"));
        Assert.That(page, Does.Contain("value=\"hemsjukvard\"").And.Not.Contain("value=\"utskrivningsklara\""),
            "the form offers only the sources a municipality delivers");

        var upload = await WebTestHost.UploadAsync(vera, await BytesAsync(VarbergQ1), "hemsjukvard-varberg-Q1.csv");
        var state = await host.WaitForJobAsync(WebTestHost.JobIdOf(upload));

        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Accepted), state.Result.Summary);
        Assert.That(await vera.GetStringAsync($"/leveranser/jobb/{state.JobId}"), Does.Contain("Filen är importerad."));
        Assert.That(await host.ScalarAsync("SELECT string_agg(DISTINCT kommunkod, ',') FROM delivery_slices"), Is.EqualTo("1383"));
        Assert.That(await host.ScalarAsync(
            "SELECT actor || ' ' || (details->>'kommunkod') FROM audit_log WHERE action = 'import' AND subject = 'hemsjukvard-varberg-Q1.csv'"),
            Is.EqualTo("vera 1383"));
    }

    [Test]
    public async Task A_municipalitys_file_with_rows_of_other_municipalities_is_rejected_whole_naming_file_line_column_and_value()
    {
        await using var host = await WebTestHost.StartAsync();
        var vera = await host.SignInAsync(WebTestHost.Municipality);

        var upload = await WebTestHost.UploadAsync(vera, await BytesAsync(AllMunicipalities), "palliativ-juni.csv");
        var state = await host.WaitForJobAsync(WebTestHost.JobIdOf(upload));

        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Rejected));
        Assert.That(state.Result.Summary, Does.StartWith("palliativ-juni.csv: avvisad (palliativ): 5 fel, inget importerades"));
        Assert.That(state.Result.Summary, Does.Contain($"rad 2, kolumn kommunkod, värde \"1315\": {OwnOnly} Raden gäller Hylte (1315): " +
                                                       "ta bort raden ur filen eller rätta kommunkoden, och ladda upp filen igen."));
        Assert.That(state.Result.Summary, Does.Not.Contain("värde \"1383\""));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM fact_palliativ"), Is.EqualTo(0L));
        var history = await vera.GetStringAsync("/leveranser");
        Assert.That(history, Does.Contain("palliativ-juni.csv").And.Contain("avvisad"));
        Assert.That(await host.ScalarAsync(
            "SELECT actor || ' ' || (details->>'kommunkod') FROM audit_log WHERE action = 'import-avvisad'"), Is.EqualTo("vera 1383"));
    }

    [Test]
    public async Task A_source_only_the_region_delivers_is_refused_for_a_municipality_before_any_job_when_named()
    {
        await using var host = await WebTestHost.StartAsync();
        var vera = await host.SignInAsync(WebTestHost.Municipality);

        var named = await WebTestHost.UploadAsync(vera, await BytesAsync(VarbergQ1), "q1.csv", source: "slutenvard");
        Assert.That(named.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await named.Content.ReadAsStringAsync(), Does.Contain("Källan slutenvard (Slutenvård (vårdtillfällen)) levereras av Region Halland"));

        var key = await host.KeyClientAsync(Roles.Municipality, WebTestHost.MunicipalityCode);
        var api = await key.PostAsync("/api/imports", ApiUpload(await BytesAsync(RegionOnly), "uk.csv", source: "utskrivningsklara"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("levereras av Region Halland"));

        Assert.That(await ImportJobCountAsync(host), Is.EqualTo(0L));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries"), Is.EqualTo(0L));
        Assert.That(await host.ScalarAsync(
            "SELECT string_agg(actor || ' ' || subject || ' ' || (details->>'via'), ', ' ORDER BY id) FROM audit_log WHERE action = 'uppladdning-nekad'"),
            Is.EqualTo("vera q1.csv web, api:system-kommun uk.csv api"));
    }

    /// <summary>Issue 22: recognising the source reads into the file, which the upload request no longer does.</summary>
    [Test]
    public async Task A_source_only_the_region_delivers_recognised_from_the_header_is_refused_by_the_import_job_not_the_request()
    {
        await using var host = await WebTestHost.StartAsync();
        var vera = await host.SignInAsync(WebTestHost.Municipality);

        var upload = await WebTestHost.UploadAsync(vera, await BytesAsync(RegionOnly), "utskrivningsklara-mars.csv");
        var state = await host.WaitForJobAsync(WebTestHost.JobIdOf(upload));

        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Rejected));
        Assert.That(state.Result.Summary, Does.Contain(
            "Källan utskrivningsklara (Utskrivningsklara vårdtillfällen) levereras av Region Halland för alla kommuner, " +
            "så Varberg (1383) kan inte leverera den."));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM fact_utskrivningsklara"), Is.EqualTo(0L));
    }

    /// <summary>Issue 21/22: "the same file as delivery N" told a municipality what the region had delivered.</summary>
    [TestCase(RegionOnly, "levereras av Region Halland")]
    [TestCase(AllMunicipalities, OwnOnly)]
    public async Task A_municipality_uploading_a_file_the_region_imported_meets_the_scope_checks_not_the_identical_file_check(
        string sample, string refusal)
    {
        await using var host = await WebTestHost.StartAsync();
        var anna = await host.SignInAsync(WebTestHost.Analyst);
        var bytes = await BytesAsync(sample);
        var imported = await host.WaitForJobAsync(WebTestHost.JobIdOf(await WebTestHost.UploadAsync(anna, bytes, "regionens.csv")));
        Assert.That(imported.Result!.Status, Is.EqualTo(ImportJob.Statuses.Accepted), imported.Result.Summary);

        var vera = await host.SignInAsync(WebTestHost.Municipality);
        var state = await host.WaitForJobAsync(WebTestHost.JobIdOf(await WebTestHost.UploadAsync(vera, bytes, "samma.csv")));

        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Rejected));
        Assert.That(state.Result.Summary, Does.Contain(refusal).And.Not.Contain("samma fil").And.Not.Contain("oförändrad"));
        Assert.That(state.Result.DeliveryId, Is.Not.EqualTo(imported.Result.DeliveryId));
    }

    [Test]
    public async Task A_municipality_uploading_its_own_file_again_is_told_it_is_unchanged()
    {
        await using var host = await WebTestHost.StartAsync();
        var vera = await host.SignInAsync(WebTestHost.Municipality);
        var bytes = await BytesAsync(VarbergQ1);
        await host.WaitForJobAsync(WebTestHost.JobIdOf(await WebTestHost.UploadAsync(vera, bytes, "q1.csv")));

        var again = await host.WaitForJobAsync(WebTestHost.JobIdOf(await WebTestHost.UploadAsync(vera, bytes, "q1-igen.csv")));

        Assert.That(again.Result!.Status, Is.EqualTo(ImportJob.Statuses.Unchanged), again.Result.Summary);
    }

    [Test]
    public async Task A_municipality_key_imports_its_own_file_through_the_api_and_only_its_own_municipality_follows_the_job()
    {
        await using var host = await WebTestHost.StartAsync();
        var varberg = await host.KeyClientAsync(Roles.Municipality, WebTestHost.MunicipalityCode);

        var own = await varberg.PostAsync("/api/imports", ApiUpload(await BytesAsync(VarbergQ1), "q1.csv", source: "hemsjukvard"));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await own.Content.ReadAsStringAsync());
        var jobId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await host.WaitForJobAsync(jobId);
        var job = await varberg.GetFromJsonAsync<JsonElement>($"/api/imports/{jobId}");
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo(ImportJob.Statuses.Accepted));

        var halmstad = await host.KeyClientAsync(Roles.Municipality, "1380");
        Assert.That((await halmstad.GetAsync($"/api/imports/{jobId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await host.KeyClientAsync(Roles.Analyst)).GetAsync($"/api/imports/{jobId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var others = await varberg.PostAsync("/api/imports", ApiUpload(await BytesAsync(AllMunicipalities), "palliativ.csv"));
        var rejectedId = (await others.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        var rejected = await host.WaitForJobAsync(rejectedId);
        Assert.That(rejected.Result!.Status, Is.EqualTo(ImportJob.Statuses.Rejected));
        Assert.That(rejected.Result.Summary, Does.Contain($"rad 3, kolumn kommunkod, värde \"1380\": {OwnOnly}"));
        Assert.That(await host.ScalarAsync("SELECT imported_by FROM deliveries WHERE status = 'accepted'"), Is.EqualTo("api:system-kommun"));
    }

    [Test]
    public async Task An_analyst_still_uploads_a_source_only_the_region_delivers_for_every_municipality()
    {
        await using var host = await WebTestHost.StartAsync();
        var anna = await host.SignInAsync(WebTestHost.Analyst);
        Assert.That(await anna.GetStringAsync("/leveranser"), Does.Contain("value=\"utskrivningsklara\"").And.Not.Contain("Du levererar för"));

        var upload = await WebTestHost.UploadAsync(anna, await BytesAsync(RegionOnly), "utskrivningsklara-mars.csv");
        var state = await host.WaitForJobAsync(WebTestHost.JobIdOf(upload));

        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Accepted), state.Result.Summary);
        Assert.That(await host.ScalarAsync(
            "SELECT count(DISTINCT kommunkod) FILTER (WHERE kommunkod IN ('1315','1380','1381','1382','1383','1384')) FROM delivery_slices"),
            Is.EqualTo(6L));
    }
}
