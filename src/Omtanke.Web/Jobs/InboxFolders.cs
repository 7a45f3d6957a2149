namespace Omtanke.Web.Jobs;

/// <summary>
/// The inbox and its subfolders. A new file is claimed by moving it into <c>processing/</c> under a
/// generated name (the original name follows it after a separator); when its import is done it moves to
/// <c>done/</c>, or to <c>rejected/</c> with its error report beside it. Uploads wait in
/// <c>processing/</c> too, under a generated name only: a name the user chose never becomes a path.
/// </summary>
public sealed class InboxFolders
{
    private const string Separator = "--";
    private const string UploadSuffix = ".upload";

    public InboxFolders(string inbox)
    {
        Inbox = inbox;
        Processing = Path.Combine(inbox, "processing");
        Done = Path.Combine(inbox, "done");
        Rejected = Path.Combine(inbox, "rejected");
        foreach (var dir in new[] { Inbox, Processing, Done, Rejected }) Directory.CreateDirectory(dir);
    }

    public string Inbox { get; }
    public string Processing { get; }
    public string Done { get; }
    public string Rejected { get; }

    /// <summary>Files dropped in the inbox and settled (not still being copied); hidden and partial files are skipped.</summary>
    public IEnumerable<FileInfo> NewFiles(TimeSpan settleTime) =>
        new DirectoryInfo(Inbox).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
                        && !f.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
                        && DateTime.UtcNow - f.LastWriteTimeUtc >= settleTime);

    /// <summary>Inbox files already claimed: after a crash, their jobs may need to be enqueued again.</summary>
    public IEnumerable<FileInfo> Claimed() =>
        new DirectoryInfo(Processing).EnumerateFiles().Where(f => OriginalName(f.Name) is not null);

    public string Claim(FileInfo file)
    {
        var claimed = Path.Combine(Processing, $"{Guid.NewGuid():N}{Separator}{file.Name}");
        file.MoveTo(claimed);
        return claimed;
    }

    public string NewUploadPath() => Path.Combine(Processing, $"{Guid.NewGuid():N}{UploadSuffix}");

    public bool IsUpload(string path) => path.EndsWith(UploadSuffix, StringComparison.Ordinal);

    /// <summary>The inbox file's own name, from its claimed name; null for an upload.</summary>
    public static string? OriginalName(string claimedName)
    {
        var at = claimedName.IndexOf(Separator, StringComparison.Ordinal);
        return at == 32 ? claimedName[(at + Separator.Length)..] : null;
    }

    /// <summary>Only paths inside processing/ are ever imported, moved or deleted by a job.</summary>
    public bool IsInProcessing(string path) =>
        Path.GetDirectoryName(Path.GetFullPath(path)) == Path.GetFullPath(Processing);

    /// <summary>Moves a finished inbox file to done/ or rejected/, under a free name; returns where it went.</summary>
    public string Finish(string claimed, bool accepted, string? errorReport)
    {
        var name = OriginalName(Path.GetFileName(claimed)) ?? Path.GetFileName(claimed);
        var target = FreeName(accepted ? Done : Rejected, name);
        File.Move(claimed, target);
        if (errorReport is not null) File.WriteAllText(target + ".fel.txt", errorReport);
        return target;
    }

    private static string FreeName(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
        return path;
    }
}
