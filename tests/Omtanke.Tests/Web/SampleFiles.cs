using Microsoft.Extensions.DependencyInjection;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Web;

/// <summary>Sample extracts of data-samples/, and importing them straight through the host's own pipeline.</summary>
public static class SampleFiles
{
    /// <summary>Hylte has 4 expected deaths in 2024-06: its palliative ratios are hidden by disclosure control.</summary>
    public const string Palliativ202406 = "extracts/palliativ/2024-06.csv";
    public const string HylteKommun = "1315";

    public static string PathOf(string relative) => Path.Combine(RepositoryPaths.DataSamples, relative);

    public static async Task ImportAsync(WebTestHost host, params string[] relativePaths)
    {
        var service = host.Services.GetRequiredService<OmtankeService>();
        foreach (var relative in relativePaths)
        {
            var outcome = await service.Importer.ImportAsync(new ImportRequest(PathOf(relative), "test", "cli"));
            Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
        }
    }
}
