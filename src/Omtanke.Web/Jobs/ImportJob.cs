using System.Security.Cryptography;
using Hangfire;
using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Web.Uploads;

namespace Omtanke.Web.Jobs;

/// <summary>What an import job ended with, kept by the job server for whoever polls the job.</summary>
public sealed record ImportJobResult(string Status, string Summary, long? DeliveryId, string? SourceId);

/// <summary>
/// Imports one waiting file (an inbox file or an upload) and puts it away. Safe to run twice, at once or
/// after a crash: runs of the same content take turns on an advisory lock on its SHA-256, the Importer
/// reports a file already imported as unchanged, and a file that an earlier run put away is not there to
/// import again. An import is one transaction, so a run killed midway leaves the data as it was.
/// </summary>
public sealed class ImportJob(OmtankeService service, InboxFolders folders, UploadGuard guard, ILogger<ImportJob> log)
{
    public static class Statuses
    {
        public const string Accepted = "importerad";
        public const string Unchanged = "oförändrad";
        public const string Rejected = "avvisad";
        public const string AlreadyDone = "redan behandlad";
    }

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Import av {1}")]
    public async Task<ImportJobResult> RunAsync(string waitingPath, string displayName, string actor, string via,
        string? sourceId, string? onlyKommunkod, CancellationToken ct)
    {
        if (!folders.IsInProcessing(waitingPath))
            throw new InvalidOperationException($"Refusing to import a file outside the inbox's processing folder: {waitingPath}");
        await UploadInPlaceAsync(waitingPath, ct);
        if (!File.Exists(waitingPath)) return AlreadyDone(displayName);

        var sha256 = await Transient.Pipeline.ExecuteAsync(async token => await Sha256Async(waitingPath, token), ct);
        await using var lockConnection = await service.Db.OpenConnectionAsync(ct);
        await Sql.ExecAsync(lockConnection, "SELECT pg_advisory_lock(hashtextextended('import-file:' || $1, 0))", ct, sha256);
        // The run this one waited for may have put the file away already.
        if (!File.Exists(waitingPath)) return AlreadyDone(displayName);

        var refusal = guard.Refusal(waitingPath);
        var result = refusal is null
            ? await ImportAsync(waitingPath, displayName, actor, via, sourceId, onlyKommunkod, ct)
            : new ImportJobResult(Statuses.Rejected, $"{displayName}: avvisad: {refusal}", null, null);
        await Transient.Pipeline.ExecuteAsync(_ =>
        {
            PutAway(waitingPath, result);
            return ValueTask.CompletedTask;
        }, ct);
        log.LogInformation("Import of {File} via {Via} by {Actor}: {Status}, delivery {DeliveryId}",
            displayName, via, actor, result.Status, result.DeliveryId);
        return result;
    }

    /// <param name="onlyKommunkod">The one municipality the file may hold (an upload by a municipality); null for any.</param>
    private async Task<ImportJobResult> ImportAsync(string path, string displayName, string actor, string via,
        string? sourceId, string? onlyKommunkod, CancellationToken ct)
    {
        var request = new ImportRequest(path, actor, via)
        {
            DisplayName = displayName, SourceId = sourceId,
            Scope = onlyKommunkod is null ? ImportScope.Everything : ImportScope.Municipality(onlyKommunkod),
        };
        try
        {
            var outcome = await Transient.Pipeline.ExecuteAsync(async token => await service.Importer.ImportAsync(request, token), ct);
            var status = outcome.Status switch
            {
                ImportStatus.Accepted => Statuses.Accepted,
                ImportStatus.Unchanged => Statuses.Unchanged,
                _ => Statuses.Rejected,
            };
            return new ImportJobResult(status, outcome.Summary(), outcome.DeliveryId ?? outcome.SameAsDelivery, outcome.SourceId);
        }
        catch (ImportSetupException e) when (sourceId is not null)
        {
            // The named source does not exist: the file cannot be imported as asked, retrying will not help.
            return new ImportJobResult(Statuses.Rejected, $"{displayName}: avvisad: {e.Message}", null, null);
        }
    }

    /// <summary>
    /// An upload's job is enqueued just before its file is given its name (see <see cref="InboxFolders"/>): a job
    /// picked up at once waits the moment it takes. A <c>.part</c> that stays is its request's, killed; the
    /// start-up sweep removes it and this job finds nothing to import.
    /// </summary>
    private static async Task UploadInPlaceAsync(string waitingPath, CancellationToken ct)
    {
        var part = InboxFolders.PartOf(waitingPath);
        for (var waited = 0; waited < 100 && !File.Exists(waitingPath) && File.Exists(part); waited++)
            await Task.Delay(100, ct);
    }

    /// <summary>An inbox file moves to done/ or rejected/ (with its error report); an upload's copy is deleted.</summary>
    private void PutAway(string path, ImportJobResult result)
    {
        if (folders.IsUpload(path))
        {
            File.Delete(path);
            return;
        }
        var rejected = result.Status == Statuses.Rejected;
        folders.Finish(path, !rejected, rejected ? result.Summary + "\n" : null);
    }

    private static ImportJobResult AlreadyDone(string displayName) =>
        new(Statuses.AlreadyDone, $"{displayName}: redan behandlad av en tidigare körning.", null, null);

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct)).ToLowerInvariant();
    }
}
