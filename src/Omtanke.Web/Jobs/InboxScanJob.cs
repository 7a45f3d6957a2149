using Hangfire;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Jobs;

/// <summary>Turns every new file in the inbox into an import job.</summary>
public sealed class InboxScanJob(InboxFolders folders, IBackgroundJobClient jobs, WebOptions options, ILogger<InboxScanJob> log)
{
    public const string RecurringId = "inkorg";
    public const string Actor = "inkorg";

    [AutomaticRetry(Attempts = 0)] // the next scan comes soon enough
    [JobDisplayName("Sök nya filer i inkorgen")]
    public void Scan()
    {
        foreach (var file in folders.NewFiles(options.InboxSettleTime))
        {
            string claimed;
            try
            {
                claimed = folders.Claim(file);
            }
            catch (IOException)
            {
                continue; // another server claimed it first, or it is still being written
            }
            Enqueue(claimed, file.Name);
        }
    }

    /// <summary>
    /// After a crash between claiming a file and enqueuing its job, the file waits in processing/ with no
    /// job: at start every claimed file gets a job. One that already had a job is then imported once all
    /// the same, since the import job is safe to run twice.
    /// </summary>
    [JobDisplayName("Återuppta filer från inkorgen")]
    public void Recover()
    {
        foreach (var file in folders.Claimed()) Enqueue(file.FullName, InboxFolders.OriginalName(file.Name)!);
    }

    private void Enqueue(string claimed, string name)
    {
        var id = jobs.Enqueue<ImportJob>(j => j.RunAsync(claimed, name, Actor, "inbox", null, null, CancellationToken.None));
        log.LogInformation("Inbox file {File} queued for import as job {JobId}", name, id);
    }
}
