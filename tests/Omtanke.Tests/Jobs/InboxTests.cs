using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Tests.Web;
using Omtanke.Web.Jobs;

namespace Omtanke.Tests.Jobs;

public sealed class InboxTests
{
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task A_file_dropped_in_the_inbox_is_imported_and_moved_to_done_and_a_bad_one_to_rejected_with_its_error_report()
    {
        await using var host = await WebTestHost.StartAsync();
        var folders = host.Services.GetRequiredService<InboxFolders>();
        File.Copy(SampleFiles.PathOf(SampleFiles.Palliativ202406), Path.Combine(host.Inbox, "palliativ 2024-06.csv"));
        File.Copy(SampleFiles.PathOf("bad/dubblett_id.csv"), Path.Combine(host.Inbox, "dubblett_id.csv"));
        File.WriteAllText(Path.Combine(host.Inbox, "kopieras.csv.part"), "halvfärdig");

        host.Services.GetRequiredService<IRecurringJobManager>().Trigger(InboxScanJob.RecurringId);

        await WaitUntilAsync(() => File.Exists(Path.Combine(folders.Done, "palliativ 2024-06.csv")), "the good file in done/");
        await WaitUntilAsync(() => File.Exists(Path.Combine(folders.Rejected, "dubblett_id.csv.fel.txt")), "the error report");
        var report = await File.ReadAllTextAsync(Path.Combine(folders.Rejected, "dubblett_id.csv.fel.txt"));
        Assert.Multiple(async () =>
        {
            Assert.That(File.Exists(Path.Combine(folders.Rejected, "dubblett_id.csv")), Is.True);
            Assert.That(report, Does.Contain("avvisad").And.Contain("rad 4"));
            Assert.That(File.Exists(Path.Combine(host.Inbox, "kopieras.csv.part")), Is.True, "a partial file is left alone");
            Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries WHERE status = 'accepted' AND imported_via = 'inbox'"), Is.EqualTo(1L));
            Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries WHERE status = 'rejected' AND imported_by = 'inkorg'"), Is.EqualTo(1L));
        });
    }

    [Test]
    public async Task Two_runs_of_the_same_file_at_once_import_it_once()
    {
        await using var host = await WebTestHost.StartAsync();
        var folders = host.Services.GetRequiredService<InboxFolders>();
        var job = ActivatorUtilities.CreateInstance<ImportJob>(host.Services);
        var copies = Enumerable.Range(0, 2).Select(_ =>
        {
            var path = folders.NewUploadPath();
            File.Copy(SampleFiles.PathOf("extracts/utskrivningsklara/2024-06.csv"), path);
            return path;
        }).ToList();

        var results = await Task.WhenAll(copies.Select(path =>
            job.RunAsync(path, "2024-06.csv", "test", "web", null, null, CancellationToken.None)));

        Assert.That(results.Select(r => r.Status),
            Is.EquivalentTo(new[] { ImportJob.Statuses.Accepted, ImportJob.Statuses.Unchanged }));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries"), Is.EqualTo(1L));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM fact_utskrivningsklara"),
            Is.EqualTo((long)(File.ReadAllLines(SampleFiles.PathOf("extracts/utskrivningsklara/2024-06.csv")).Length - 1)));
    }

    [Test]
    public async Task A_retried_run_whose_file_an_earlier_run_already_put_away_changes_nothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var folders = host.Services.GetRequiredService<InboxFolders>();
        var job = ActivatorUtilities.CreateInstance<ImportJob>(host.Services);
        var path = folders.NewUploadPath();
        File.Copy(SampleFiles.PathOf(SampleFiles.Palliativ202406), path);
        var first = await job.RunAsync(path, "p.csv", "test", "web", null, null, CancellationToken.None);
        var retried = await job.RunAsync(path, "p.csv", "test", "web", null, null, CancellationToken.None);
        Assert.That(first.Status, Is.EqualTo(ImportJob.Statuses.Accepted));
        Assert.That(retried.Status, Is.EqualTo(ImportJob.Statuses.AlreadyDone));
        Assert.That(await host.ScalarAsync("SELECT count(*) FROM deliveries"), Is.EqualTo(1L));
    }
}
