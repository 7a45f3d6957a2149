using System.Net;
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
        Assert.That(download.Content.Headers.ContentDisposition!.FileNameStar, Does.StartWith("Indikatorvärden"));
        var onDemand = await client.GetAsync("/rapporter?handler=Manad&manad=2024-06");
        Assert.That(onDemand.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'nedladdning' AND actor = $1", WebTestHost.Reader),
            Is.EqualTo(2L));
    }

    [Test]
    public async Task An_on_demand_report_shows_hidden_values_as_symbols_whoever_downloads_it()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var client = await host.SignInAsync(WebTestHost.Admin);
        var csv = await client.GetStringAsync("/rapporter?handler=Manad&manad=2024-06");
        var hylte = csv.Split('\n').Single(l => l.StartsWith("pal_brytpunktssamtal;") && l.Contains(";Hylte;"));
        Assert.That(hylte, Does.Contain(";..;"));
    }

    [Test]
    public async Task A_municipality_takes_its_own_extract_with_its_hidden_values_but_not_another_municipalitys()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        await host.ScalarAsync("UPDATE users SET kommunkod = $1 WHERE user_name = $2", SampleFiles.HylteKommun, WebTestHost.Municipality);
        var hylte = await host.SignInAsync(WebTestHost.Municipality);
        var extract = await hylte.GetStringAsync("/rapporter?handler=Kommun&kommun=1315&fran=2024-01&till=2024-06");
        Assert.That(extract.Split('\n').Single(l => l.StartsWith("pal_brytpunktssamtal;")), Does.Contain(";Hylte;2024-06;50;"));
        Assert.That(extract, Does.Not.Contain("Halmstad"));
        var other = await hylte.GetAsync("/rapporter?handler=Kommun&kommun=1380&fran=2024-01&till=2024-06");
        Assert.That(other.Headers.Location!.ToString(), Does.Contain("/fel/403"));
        var reader = await host.SignInAsync(WebTestHost.Reader);
        Assert.That(await reader.GetStringAsync("/rapporter"), Does.Not.Contain("Kommunens extrakt"));
        Assert.That((await reader.GetAsync("/rapporter?handler=Kommun&kommun=1315&fran=2024-01&till=2024-06")).StatusCode,
            Is.EqualTo(HttpStatusCode.Redirect));
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
