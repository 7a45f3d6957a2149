using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;

namespace Omtanke.Tests.Web;

/// <summary>Issue 26 on the pages: Översikt marks revised cells, the indicator page lists revisions and comments.</summary>
public sealed class MeetingPageTests
{
    private const string CorrectionFile = "palliativ-2024-06-varberg-rattelse.csv";

    [Test]
    public async Task After_an_approval_and_a_correction_Översikt_marks_the_cell_and_the_indicator_page_lists_the_revision_and_comments()
    {
        await using var host = await WebTestHost.StartAsync();
        await SampleFiles.ImportAsync(host, SampleFiles.Palliativ202406);
        var analyst = await host.KeyClientAsync(Roles.Analyst);
        (await analyst.PostAsJsonAsync("/api/snapshots", new { month = "2024-06" })).EnsureSuccessStatusCode();
        (await (await host.KeyClientAsync(Roles.Municipality, "1383")).PostAsJsonAsync("/api/comments", new
        {
            indicator = "pal_brytpunktssamtal", area = "1383", period = "2024-06", text = "<script>alert(1)</script> förklaras av rutinbyte",
        })).EnsureSuccessStatusCode();
        await ImportCorrectionAsync(host);

        var browser = await host.SignInAsync(WebTestHost.Reader);
        var overview = await browser.GetStringAsync("/");
        var page = await browser.GetStringAsync("/indikator/pal_brytpunktssamtal");

        Assert.That(overview, Does.Contain("class=\"revised\" href=\"/indikator/pal_brytpunktssamtal#andringar\""));
        Assert.That(overview, Does.Contain($"2024-06: 79.0698 → 93.0233 ({CorrectionFile})"));
        Assert.That(page, Does.Contain("id=\"andringar\"").And.Contain(CorrectionFile));
        Assert.That(page, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; förklaras av rutinbyte"));
        Assert.That(page, Does.Not.Contain("<script>alert(1)</script>"));
    }

    /// <summary>Varberg's June again, 40 instead of 34 of 43 with a brytpunktssamtal: a slice of its own.</summary>
    private static async Task ImportCorrectionAsync(WebTestHost host)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{CorrectionFile}");
        await File.WriteAllTextAsync(file, "Period,Kommunkod,Antal vantade dodsfall,Antal brytpunktssamtal,Antal smartskattning\n" +
            "2024-06,1383,43,40,37\n", new UTF8Encoding(false));
        var outcome = await host.Services.GetRequiredService<OmtankeService>().Importer.ImportAsync(
            new ImportRequest(file, "test", "cli") { DisplayName = CorrectionFile });
        File.Delete(file);
        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
    }
}
