using System.Globalization;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary>
/// <c>spc --indicator ID --area CODE --to yyyy-MM [--months N]</c>: the control-chart analysis of one
/// series as CSV (CLI.md, "spc output"), read as published, so hidden months show as <c>..</c> or <c>&lt;5</c>.
/// </summary>
public static class SpcCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var indicatorId = args.Required("--indicator");
        var area = args.Required("--area");
        var to = args.Month("--to");
        var monthsText = args.Optional("--months");
        args.RejectUnknown();
        args.RejectPositional();
        var indicator = IndicatorCatalog.Find(indicatorId)
            ?? throw new UsageException($"Okänd indikator '{indicatorId}'. Kända: {string.Join(", ", IndicatorCatalog.All.Select(i => i.Id))}.");
        if (area != Areas.Region && !Areas.IsMunicipality(area))
            throw new UsageException($"--area ska vara {Areas.Region} (Region Halland) eller en av Hallands kommuner: " +
                $"{string.Join(", ", Areas.Municipalities.Select(m => $"{m.Key} {m.Value}"))}; inte '{area}'.");
        var months = MonthCount(monthsText);

        await using var service = await OmtankeService.OpenAsync(settings);
        var series = Periods.MonthsEndingWith(to, months);
        var data = await ReportData.LoadAsync(service.Db, new DisclosureSettings(settings.DisclosureLimit),
            [new ValuesFilter(series[0], to, PeriodType.Month, [indicator.Id], [area])], CancellationToken.None);
        await stdout.WriteLineAsync(SpcCsv.Header);
        foreach (var line in SpcCsv.Lines(data.Spc(indicator, area, series), label => data.Published(indicator, area, label).Symbol))
            await stdout.WriteLineAsync(line);
        return CommandLine.Ok;
    }

    private static int MonthCount(string? text) =>
        text is null ? MonthlyReport.SpcMonths
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1200 ? n
        : throw new UsageException($"--months ska vara ett antal månader, ett heltal från 1 till 1200, inte '{text}'.");
}
