using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Web.Jobs;

namespace Omtanke.Tests.Web;

public sealed class UploadTests
{
    [Test]
    public async Task An_upload_is_imported_by_a_job_whose_page_shows_the_result_and_a_second_upload_is_unchanged()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Analyst);
        var bytes = await File.ReadAllBytesAsync(SampleFiles.PathOf(SampleFiles.Palliativ202406));

        var first = await WebTestHost.UploadAsync(client, bytes, "../../etc/passwd");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var jobPage = first.Headers.Location!.ToString();
        Assert.That(jobPage, Does.StartWith("/leveranser/jobb/"));
        var waiting = await client.GetStringAsync(jobPage);
        var state = await host.WaitForJobAsync(jobPage.Split('/').Last());
        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Accepted));
        var done = await client.GetStringAsync(jobPage);
        Assert.That(done, Does.Contain("Filen är importerad."));
        Assert.That(done, Does.Not.Contain("http-equiv=\"refresh\""));
        Assert.That(waiting + done, Does.Contain("Jobb "));

        var second = await WebTestHost.UploadAsync(client, bytes, "palliativ.csv");
        var again = await host.WaitForJobAsync(second.Headers.Location!.ToString().Split('/').Last());
        Assert.That(again.Result!.Status, Is.EqualTo(ImportJob.Statuses.Unchanged));
        Assert.Multiple(async () =>
        {
            Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries WHERE status = 'accepted'"), Is.EqualTo(1L));
            Assert.That(await host.ScalarAsync("SELECT file_name FROM deliveries"), Is.EqualTo("passwd"),
                "only the last segment of the name the browser sent is kept, and only as text");
            Assert.That(await host.ScalarAsync("SELECT imported_by FROM deliveries"), Is.EqualTo(WebTestHost.Analyst));
            Assert.That(Directory.GetFiles(host.Services.GetRequiredService<InboxFolders>().Processing), Is.Empty);
        });
    }

    [Test]
    public async Task A_rejected_upload_shows_its_error_report_and_is_kept_in_the_history()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Admin);
        var response = await WebTestHost.UploadAsync(client, await File.ReadAllBytesAsync(SampleFiles.PathOf("bad/ogiltigt_datum.csv")), "ogiltigt_datum.csv");
        var state = await host.WaitForJobAsync(response.Headers.Location!.ToString().Split('/').Last());
        Assert.That(state.Result!.Status, Is.EqualTo(ImportJob.Statuses.Rejected));
        Assert.That(state.Result.Summary, Does.Contain("rad 2"));
        var history = await client.GetStringAsync("/leveranser");
        Assert.That(history, Does.Contain("ogiltigt_datum.csv").And.Contain("avvisad"));
    }

    [Test]
    public async Task A_rejected_file_s_error_report_is_shown_to_the_region_and_its_uploader_but_not_to_a_municipality()
    {
        await using var host = await WebTestHost.StartAsync();
        var analyst = await host.SignInAsync(WebTestHost.Analyst);
        var response = await WebTestHost.UploadAsync(analyst, await File.ReadAllBytesAsync(SampleFiles.PathOf("bad/ogiltigt_datum.csv")), "ogiltigt_datum.csv");
        await host.WaitForJobAsync(response.Headers.Location!.ToString().Split('/').Last());
        var id = await host.ScalarAsync("SELECT id FROM deliveries WHERE status = 'rejected'");

        var municipality = await host.SignInAsync(WebTestHost.Municipality);
        var shownToUploader = await analyst.GetStringAsync($"/leveranser/{id}");
        var shownToMunicipality = await municipality.GetStringAsync($"/leveranser/{id}");
        var apiForMunicipality = await municipality.GetStringAsync($"/api/deliveries/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(shownToUploader, Does.Contain("utskrivningsklar_datum").And.Contain("Rätta felen i filen"));
            Assert.That(shownToMunicipality, Does.Contain("Felrapporten citerar celler ur filen"));
            Assert.That(shownToMunicipality, Does.Not.Contain("utskrivningsklar_datum"));
            Assert.That(apiForMunicipality, Does.Contain("\"errorsWithheld\":true").And.Not.Contain("utskrivningsklar_datum"));
        });
    }

    [Test]
    public async Task A_binary_file_is_refused_by_its_content_before_any_job()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Admin);
        var response = await WebTestHost.UploadAsync(client, await File.ReadAllBytesAsync(SampleFiles.PathOf("bad/binar_fil.csv")), "binar_fil.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("varken en textfil (CSV) eller en Excel-arbetsbok"));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportJob%'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task An_xlsx_zip_bomb_is_refused_unopened()
    {
        await using var host = await WebTestHost.StartAsync();
        var client = await host.SignInAsync(WebTestHost.Admin);
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml").Open().Dispose();
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 20; i++) await sheet.WriteAsync(zeros);
        }
        var response = await WebTestHost.UploadAsync(client, bomb.ToArray(), "rapport.xlsx");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("packas upp till orimligt mycket"));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportJob%'"), Is.EqualTo(0L));
    }
}
