using Microsoft.Extensions.DependencyInjection;
using Omtanke.Tests.Web;
using Omtanke.Web.Jobs;

namespace Omtanke.Tests.Jobs;

/// <summary>
/// Issue 22: a kill during an upload left <c>processing/&lt;guid&gt;.upload</c> readable by anyone, and a kill during
/// the request body left <c>/tmp/ASPNETCORE_*.tmp</c> with raw patient ids.
/// </summary>
public sealed class LeftoverTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerReadWrite | UnixFileMode.UserExecute;

    [Test]
    public async Task Uploads_and_buffered_request_bodies_wait_in_folders_only_the_service_user_can_enter()
    {
        await using var host = await WebTestHost.StartAsync();
        var folders = host.Services.GetRequiredService<InboxFolders>();
        var part = InboxFolders.PartOf(folders.NewUploadPath());
        await using (InboxFolders.CreatePrivateFile(part))
            Assert.That(File.GetUnixFileMode(part), Is.EqualTo(OwnerReadWrite));
        File.Delete(part);
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(folders.Processing), Is.EqualTo(OwnerOnlyFolder));
            var buffers = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP");
            Assert.That(buffers, Is.Not.Null.And.Not.EqualTo(Path.GetTempPath().TrimEnd('/')));
            Assert.That(File.GetUnixFileMode(buffers!), Is.EqualTo(OwnerOnlyFolder));
        });
    }

    [Test]
    public async Task What_killed_requests_left_is_swept_but_a_file_a_live_request_holds_open_stays()
    {
        var inbox = Directory.CreateTempSubdirectory("omtanke-sweep-");
        var buffers = Directory.CreateTempSubdirectory("omtanke-buffers-");
        var folders = new InboxFolders(inbox.FullName);
        var abandoned = InboxFolders.PartOf(folders.NewUploadPath());
        var abandonedBody = Path.Combine(buffers.FullName, "ASPNETCORE_0b1c2d3e.tmp");
        var waiting = folders.NewUploadPath();
        foreach (var file in new[] { abandoned, abandonedBody, waiting }) await File.WriteAllTextAsync(file, "personnummer;...");
        var live = InboxFolders.PartOf(folders.NewUploadPath());

        int swept;
        await using (InboxFolders.CreatePrivateFile(live))
            swept = folders.SweepLeftovers(buffers.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(swept, Is.EqualTo(2));
            Assert.That(File.Exists(abandoned), Is.False);
            Assert.That(File.Exists(abandonedBody), Is.False);
            Assert.That(File.Exists(live), Is.True, "held open by a request in progress");
            Assert.That(File.Exists(waiting), Is.True, "enqueued: its job imports it");
        });
        inbox.Delete(recursive: true);
        buffers.Delete(recursive: true);
    }
}
