using Omtanke.Cli;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.DisclosureControl;

/// <summary>The lines of <c>values --published</c>, as the command writes them.</summary>
public sealed class ValuesLines(OmtankeService service)
{
    public async Task<List<string>> PublishedAsync(string from, string to, PeriodType type = PeriodType.Month)
    {
        var writer = new StringWriter();
        await ValuesWriter.WriteAsync(service, new ValuesFilter(ServiceExtensions.Month(from), ServiceExtensions.Month(to), type),
            published: true, writer);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
    }

    public async Task<string?> PublishedAsync(string month, string indicator, string area) =>
        (await PublishedAsync(month, month)).SingleOrDefault(l => l.StartsWith($"{indicator};{area};{month};", StringComparison.Ordinal));
}
