using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Npgsql;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;
using Omtanke.Web.Uploads;

namespace Omtanke.Web.Jobs;

/// <summary>An upload accepted for import (a job to poll), or refused before any job, with the reason in Swedish.</summary>
public sealed record UploadReceipt(string? JobId, string? Refusal);

/// <summary>Where an import job is: waiting, running, done (with its result) or failed.</summary>
/// <param name="OnlyKommunkod">The municipality the import was restricted to, for an upload by a municipality.</param>
public sealed record ImportJobState(string JobId, string State, ImportJobResult? Result, string? OnlyKommunkod)
{
    public const string Waiting = "väntar";
    public const string Running = "pågår";
    public const string Done = "klar";
    public const string Failed = "misslyckades";

    public bool IsFinished => State is Done or Failed;

    /// <summary>
    /// A municipality follows only its own imports (its people's and its keys'); the region's people follow every
    /// import. Another municipality's job would show that file's name and error report.
    /// </summary>
    public bool IsVisibleTo(Viewer viewer) => viewer.Role != Roles.Municipality || viewer.Kommunkod == OnlyKommunkod;
}

/// <summary>Puts uploads in line for the same import job as inbox files, and tells how a job is going.</summary>
public sealed class ImportQueue(IBackgroundJobClient jobs, JobStorage storage, InboxFolders folders, UploadGuard guard,
    NpgsqlDataSource db)
{
    /// <summary>
    /// Stores the upload under a generated name, checks it (that the uploader may deliver the source named, and
    /// the file's size and kind, without parsing it), and enqueues its import in the uploader's scope. A refusal is
    /// audited.
    /// </summary>
    public async Task<UploadReceipt> EnqueueUploadAsync(Stream content, string fileName, Viewer uploader, string via,
        string? sourceId, CancellationToken ct)
    {
        var waiting = folders.NewUploadPath();
        var part = InboxFolders.PartOf(waiting);
        var displayName = DisplayName(fileName);
        var scope = uploader.ImportScope;
        try
        {
            // Held open until the job is enqueued: a start-up sweep elsewhere leaves it alone meanwhile.
            await using var file = InboxFolders.CreatePrivateFile(part);
            await content.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
            if ((ScopeCheck.Refusal(sourceId, scope) ?? guard.Refusal(part)) is { } refusal)
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                await Audit.WriteAsync(conn, uploader.Name, "uppladdning-nekad", displayName,
                    new { via, source = sourceId, kommunkod = scope.Kommunkod, reason = refusal }, ct);
                return new UploadReceipt(null, refusal);
            }
            var actor = uploader.Name;
            var onlyKommunkod = scope.Kommunkod;
            var id = jobs.Enqueue<ImportJob>(j => j.RunAsync(waiting, displayName, actor, via, sourceId, onlyKommunkod, CancellationToken.None));
            File.Move(part, waiting);
            return new UploadReceipt(id, null);
        }
        finally
        {
            File.Delete(part); // a refused, failed or abandoned upload; nothing once it is moved
        }
    }

    /// <summary>The import job's state; null when there is no such import job.</summary>
    public ImportJobState? Find(string jobId)
    {
        // Hangfire's PostgreSQL storage numbers its jobs, and fails on any other id instead of finding nothing.
        if (!long.TryParse(jobId, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        using var connection = storage.GetConnection();
        var data = connection.GetJobData(jobId);
        if (data?.Job?.Type != typeof(ImportJob)) return null;
        var onlyKommunkod = (string?)data.Job.Args[5];
        var state = connection.GetStateData(jobId);
        var name = state?.Name;
        if (name == SucceededState.StateName)
            return new ImportJobState(jobId, ImportJobState.Done,
                state!.Data.TryGetValue("Result", out var json) ? JsonSerializer.Deserialize<ImportJobResult>(json) : null, onlyKommunkod);
        if (name == FailedState.StateName || name == DeletedState.StateName)
            return new ImportJobState(jobId, ImportJobState.Failed, null, onlyKommunkod);
        return new ImportJobState(jobId, name == ProcessingState.StateName ? ImportJobState.Running : ImportJobState.Waiting, null, onlyKommunkod);
    }

    /// <summary>The name to show for an upload: the last segment of what the browser sent, without control characters.</summary>
    private static string DisplayName(string fileName)
    {
        var name = fileName.Replace('\\', '/').Split('/').Last();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "uppladdad fil" : name.Length > 200 ? name[..200] : name;
    }
}
