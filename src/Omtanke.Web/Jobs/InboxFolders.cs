namespace Omtanke.Web.Jobs;

/// <summary>
/// The inbox and its subfolders. A new file is claimed by moving it into <c>processing/</c> under a
/// generated name (the original name follows it after a separator); when its import is done it moves to
/// <c>done/</c>, or to <c>rejected/</c> with its error report beside it. Uploads wait in
/// <c>processing/</c> too, under a generated name only: a name the user chose never becomes a path.
/// <c>processing/</c> holds raw patient data and is the service's alone (0700, its upload files 0600). An upload
/// is written as <c>.part</c>, held open until its job is enqueued, and only then named <c>.upload</c>: a
/// <c>.part</c> nobody holds open is what a killed request left, and is swept at start.
/// </summary>
public sealed class InboxFolders
{
    private const string Separator = "--";
    private const string UploadSuffix = ".upload";
    private const string PartSuffix = ".part";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public InboxFolders(string inbox)
    {
        Inbox = inbox;
        Processing = Path.Combine(inbox, "processing");
        Done = Path.Combine(inbox, "done");
        Rejected = Path.Combine(inbox, "rejected");
        foreach (var dir in new[] { Inbox, Done, Rejected }) Directory.CreateDirectory(dir);
        CreatePrivateFolder(Processing);
    }

    /// <summary>A folder only this service's user may enter, also where it existed before with wider rights.</summary>
    public static void CreatePrivateFolder(string path)
    {
        Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(path, OwnerOnly);
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

    /// <summary>Where an upload is written before its job exists.</summary>
    public static string PartOf(string uploadPath) => uploadPath + PartSuffix;

    /// <summary>
    /// A new file readable by this service's user only. Held open, it is locked against <see cref="SweepLeftovers"/>
    /// (a shared lock: the upload guard may read it meanwhile).
    /// </summary>
    public static FileStream CreatePrivateFile(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 1 << 16,
        Options = FileOptions.Asynchronous, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
    });

    /// <summary>
    /// Deletes what killed processes left with raw data in it: uploads never enqueued (<c>.part</c>) and, in
    /// <paramref name="bufferFolder"/>, request bodies ASP.NET Core buffered to disk. A file some live process
    /// still holds open (another instance's request in progress) cannot be locked, and stays. Returns the count.
    /// </summary>
    public int SweepLeftovers(string bufferFolder) =>
        Unheld(Processing, "*" + PartSuffix).Concat(Unheld(bufferFolder, "ASPNETCORE_*.tmp")).Count(Delete);

    private static IEnumerable<string> Unheld(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern).ToList() : [];

    private static bool Delete(string path)
    {
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None)) File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false; // held by a live request, or gone already
        }
    }

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
