using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Omtanke.Web.Uploads;

namespace Omtanke.Web.Jobs;

/// <summary>An upload accepted for import (a job to poll), or refused before any job, with the reason in Swedish.</summary>
public sealed record UploadReceipt(string? JobId, string? Refusal);

/// <summary>Where an import job is: waiting, running, done (with its result) or failed.</summary>
public sealed record ImportJobState(string JobId, string State, ImportJobResult? Result)
{
    public const string Waiting = "väntar";
    public const string Running = "pågår";
    public const string Done = "klar";
    public const string Failed = "misslyckades";

    public bool IsFinished => State is Done or Failed;
}

/// <summary>Puts uploads in line for the same import job as inbox files, and tells how a job is going.</summary>
public sealed class ImportQueue(IBackgroundJobClient jobs, JobStorage storage, InboxFolders folders, UploadGuard guard)
{
    /// <summary>Stores the upload under a generated name, checks it, and enqueues its import.</summary>
    public async Task<UploadReceipt> EnqueueUploadAsync(Stream content, string fileName, string actor, string via,
        string? sourceId, CancellationToken ct)
    {
        var waiting = folders.NewUploadPath();
        await using (var file = new FileStream(waiting, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await content.CopyToAsync(file, ct);
        if (guard.Refusal(waiting) is { } refusal)
        {
            File.Delete(waiting);
            return new UploadReceipt(null, refusal);
        }
        var displayName = DisplayName(fileName);
        var id = jobs.Enqueue<ImportJob>(j => j.RunAsync(waiting, displayName, actor, via, sourceId, CancellationToken.None));
        return new UploadReceipt(id, null);
    }

    /// <summary>The import job's state; null when there is no such import job.</summary>
    public ImportJobState? Find(string jobId)
    {
        using var connection = storage.GetConnection();
        var data = connection.GetJobData(jobId);
        if (data?.Job?.Type != typeof(ImportJob)) return null;
        var state = connection.GetStateData(jobId);
        var name = state?.Name;
        if (name == SucceededState.StateName)
            return new ImportJobState(jobId, ImportJobState.Done,
                state!.Data.TryGetValue("Result", out var json) ? JsonSerializer.Deserialize<ImportJobResult>(json) : null);
        if (name == FailedState.StateName || name == DeletedState.StateName) return new ImportJobState(jobId, ImportJobState.Failed, null);
        return new ImportJobState(jobId, name == ProcessingState.StateName ? ImportJobState.Running : ImportJobState.Waiting, null);
    }

    /// <summary>The name to show for an upload: the last segment of what the browser sent, without control characters.</summary>
    private static string DisplayName(string fileName)
    {
        var name = fileName.Replace('\\', '/').Split('/').Last();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "uppladdad fil" : name.Length > 200 ? name[..200] : name;
    }
}
