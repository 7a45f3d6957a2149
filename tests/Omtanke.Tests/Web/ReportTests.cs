using System.Net;
using ClosedXML.Excel;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Web.Reports;

namespace Omtanke.Tests.Web;

public sealed class ReportTests
{
    [Test]
    public async Task The_monthly_report_is_scheduled_for_the_10th_at_six_in_Stockholm()
    {
        await using var host = await WebTestHost.StartAsync();
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == MonthlyReportJob.RecurringId);
        Assert.That(job.Cron, Is.EqualTo("0 6 10 * *"));
        Assert.That(job.TimeZoneId, Is.EqualTo("Europe/Stockholm"));
    }

    [Test]
    public async Task A_retried_report_job_archives_its_report_once_and_every_download_is_audited()
    {
        await using var host = await WebTestHost.StartAsync();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var id = jobs.Enqueue<MonthlyReportJob>(j => j.RunAsync(null, CancellationToken.None));
        await WaitForArchiveAsync(host, 1);
        jobs.Requeue(id);
        await Task.Delay(3000);
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM report_archive"), Is.EqualTo(1L));

        var client = await host.SignInAsync(WebTestHost.Reader);
        var archiveId = await host.ScalarAsync("SELECT id FROM report_archive");
        Assert.That(await client.GetStringAsync("/rapporter"), Does.Contain("månadsrapport"));
        var download = await client.GetAsync($"/rapporter?handler=Arkiv&id={archiveId}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentDisposition!.FileNameStar, Does.StartWith("Indikatorrapport-"));
        var onDemand = await client.GetAsync("/rapporter?handler=Manad&manad=2024-06");
        Assert.That(onDemand.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'nedladdning' AND actor = $1", WebTestHost.Reader),
            Is.EqualTo(2L));
    }

    [Test]
    public async Task After_a_quarters_last_month_the_report_job_also_archives_the_quarters_RUG_follow_up_once_however_often_it_runs()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var june = jobs.Enqueue<MonthlyReportJob>(j => j.RunForMonthAsync("2024-06", null, CancellationToken.None));
        await WaitForArchiveAsync(host, 3);
        jobs.Requeue(june);
        await WaitForSuccessesAsync(host, june, 2);

        var archived = await ArchivedAsync(host);
        Assert.That(archived, Is.EquivalentTo(new[]
        {
            ("månadsrapport", "2024-06", "Indikatorrapport-2024-06.xlsx"),
            ("kvartalsrapport", "2024-Q2", "RUG-uppfoljning-2024-Q2.xlsx"),
            ("kvartalsrapport", "2024-Q2", "RUG-uppfoljning-2024-Q2.html"),
        }));

        var client = await host.SignInAsync(WebTestHost.Reader);
        Assert.That(await client.GetStringAsync("/rapporter"), Does.Contain("RUG-uppfoljning-2024-Q2.html"));
        var workbookId = await host.ScalarAsync("SELECT id FROM report_archive WHERE file_name = 'RUG-uppfoljning-2024-Q2.xlsx'");
        using (var workbook = new XLWorkbook(await (await client.GetAsync($"/rapporter?handler=Arkiv&id={workbookId}")).Content.ReadAsStreamAsync()))
            Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain("Palliativ vård").And.Contain("Definitioner"));
        var pageId = await host.ScalarAsync("SELECT id FROM report_archive WHERE file_name = 'RUG-uppfoljning-2024-Q2.html'");
        var page = await client.GetAsync($"/rapporter?handler=Arkiv&id={pageId}");
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"), "never shown as a page of the service");
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("RUG-uppföljning kvartal 2 2024"));
    }

    [Test]
    public async Task In_a_month_that_does_not_close_a_quarter_the_report_job_archives_only_the_monthly_report()
    {
        await using var host = await WebTestHost.StartAsync();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var may = jobs.Enqueue<MonthlyReportJob>(j => j.RunForMonthAsync("2024-05", null, CancellationToken.None));
        await WaitForSuccessesAsync(host, may, 1);
        Assert.That(await ArchivedAsync(host), Is.EqualTo(new[] { ("månadsrapport", "2024-05", "Indikatorrapport-2024-05.xlsx") }));
    }

    [Test]
    public async Task An_on_demand_monthly_report_is_the_Indikatorrapport_workbook_with_hidden_values_as_symbols_whoever_downloads_it()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var client = await host.SignInAsync(WebTestHost.Admin);
        var response = await client.GetAsync("/rapporter?handler=Manad&manad=2024-06");
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("Indikatorrapport-2024-06.xlsx"));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain("Sammanfattning"));
        Assert.That(cells, Has.Some.EqualTo(".."), "Hylte's palliative ratios of 4 expected deaths");
    }

    [Test]
    public async Task A_municipality_takes_its_own_local_extract_but_not_another_municipalitys()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        await host.ScalarAsync("UPDATE users SET kommunkod = $1 WHERE user_name = $2", SampleFiles.HylteKommun, WebTestHost.Municipality);
        var hylte = await host.SignInAsync(WebTestHost.Municipality);
        var extract = await hylte.GetAsync("/rapporter?handler=Kommun&kommun=1315&fran=2024-01&till=2024-06");
        Assert.That(extract.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("Lokalt-uttag-1315-Hylte-2024-01-2024-06.xlsx"));
        using (var workbook = new XLWorkbook(await extract.Content.ReadAsStreamAsync()))
            Assert.That(workbook.Worksheets.Count, Is.GreaterThan(0));
        var other = await hylte.GetAsync("/rapporter?handler=Kommun&kommun=1380&fran=2024-01&till=2024-06");
        Assert.That(other.Headers.Location!.ToString(), Does.Contain("/fel/403"));
        var reader = await host.SignInAsync(WebTestHost.Reader);
        Assert.That(await reader.GetStringAsync("/rapporter"), Does.Not.Contain("Kommunens extrakt"));
        Assert.That((await reader.GetAsync("/rapporter?handler=Kommun&kommun=1315&fran=2024-01&till=2024-06")).StatusCode,
            Is.EqualTo(HttpStatusCode.Redirect));
    }

    private static async Task<List<(string Kind, string Period, string FileName)>> ArchivedAsync(WebTestHost host)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = Omtanke.Core.Storage.Sql.Command(conn, "SELECT kind, period, file_name FROM report_archive ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    /// <summary>Waits until the job has succeeded the given number of times (a requeued job runs again).</summary>
    private static async Task WaitForSuccessesAsync(WebTestHost host, string jobId, int times)
    {
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (monitoring.JobDetails(jobId).History.Count(h => h.StateName == "Succeeded") < times)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"job {jobId} did not succeed {times} times");
            await Task.Delay(200);
        }
    }

    private static async Task WaitForArchiveAsync(WebTestHost host, long count)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((long)(await host.ScalarAsync("SELECT count(*) FROM report_archive"))! < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("no archived report");
            await Task.Delay(200);
        }
    }
}
