using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary><c>report --period yyyy-MM --out DIR</c> or <c>report --quarter yyyy-Qn --out DIR</c>.</summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var hasPeriod = args.Optional("--period") is not null;
        var asPresented = args.Flag("--as-presented");
        var quarterText = args.Optional("--quarter");
        var outDir = args.Required("--out");
        if (hasPeriod == (quarterText is not null))
            throw new UsageException("Ange antingen --period ÅÅÅÅ-MM (månadsrapport) eller --quarter ÅÅÅÅ-Qn (kvartalsrapport).");
        var month = hasPeriod ? args.Month("--period") : default;
        var quarter = default(Quarter);
        if (quarterText is not null && !(Quarter.TryParse(quarterText, out quarter) && PlausibleDates.ContainsYear(quarter.Year)))
            throw new UsageException($"--quarter ska vara ett kvartal ÅÅÅÅ-Qn mellan {PlausibleDates.First.Year}-Q1 och " +
                $"{PlausibleDates.Last.Year}-Q4, till exempel 2024-Q1, inte '{quarterText}'.");
        args.RejectUnknown();
        args.RejectPositional();
        if (asPresented && !hasPeriod) throw new UsageException("--as-presented gäller en månadsrapport: ange --period ÅÅÅÅ-MM.");

        await using var service = await OmtankeService.OpenAsync(settings);
        var context = Context(service, settings);
        if (asPresented) return await AsPresentedAsync(service, month, outDir, stdout, stderr);
        if (hasPeriod)
        {
            var report = await MonthlyReport.WriteAsync(context, month, outDir);
            await stdout.WriteLineAsync($"Indikatorrapport för {Periods.SwedishMonth(month)}: {report.Workbook}");
            await stdout.WriteLineAsync($"Diagram (PNG och SVG): {Path.GetDirectoryName(report.Other.FirstOrDefault() ?? report.Workbook)}");
            await stdout.WriteLineAsync(Done(report));
        }
        else
        {
            var report = await QuarterlyReport.WriteAsync(context, quarter, outDir);
            await stdout.WriteLineAsync($"RUG-uppföljning för {quarter.SwedishLabel}: {report.Workbook}");
            await stdout.WriteLineAsync($"Utskriftsbar webbsida: {report.Other.Single()}");
            await stdout.WriteLineAsync(Done(report));
        }
        return CommandLine.Ok;
    }

    /// <summary>The workbook the month's latest approval froze, byte for byte; 1 when the month was never approved.</summary>
    private static async Task<int> AsPresentedAsync(OmtankeService service, DateOnly month, string outDir, TextWriter stdout,
        TextWriter stderr)
    {
        if (await Snapshots.WriteWorkbookAsync(service.Db, month, outDir) is not { } path)
        {
            await stderr.WriteLineAsync($"{Periods.SwedishMonth(month)} har inte fastställts, så det finns ingen arbetsbok som visad. " +
                $"Fastställ månaden med: omtanke approve --month {Periods.Label(month)}");
            return CommandLine.NotApproved;
        }
        await stdout.WriteLineAsync($"Indikatorrapport för {Periods.SwedishMonth(month)} som den fastställdes: {path}");
        return CommandLine.Ok;
    }

    /// <summary>For <c>demo</c>: the latest month's report, its quarter's follow-up and Halmstad's extract of the last 12 months.</summary>
    public static async Task WriteLatestAsync(OmtankeService service, OmtankeSettings settings, string outDir, TextWriter stdout)
    {
        if (await ValuesQuery.LatestMonthAsync(service.Db) is not { } month)
        {
            await stdout.WriteLineAsync("Inga indikatorvärden ännu, så inga rapporter.");
            return;
        }
        var context = Context(service, settings);
        var monthly = await MonthlyReport.WriteAsync(context, month, outDir);
        var quarterly = await QuarterlyReport.WriteAsync(context, Quarter.Of(month), outDir);
        var extract = await MunicipalExtract.WriteAsync(context, DemoMunicipality, month.AddMonths(-11), month, outDir);
        await stdout.WriteLineAsync($"""
            Indikatorrapport för {Periods.SwedishMonth(month)}: {monthly.Workbook}
            RUG-uppföljning för {Quarter.Of(month).SwedishLabel}: {quarterly.Workbook} och {quarterly.Other.Single()}
            Lokalt uttag för {Areas.Name(DemoMunicipality)}: {extract.Workbook}
            """);
    }

    private const string DemoMunicipality = "1380";

    /// <summary>The reports of a command run: the service's database and disclosure limit, by the user running it.</summary>
    public static ReportContext Context(OmtankeService service, OmtankeSettings settings) =>
        new(service.Db, new DisclosureSettings(settings.DisclosureLimit), Environment.UserName);

    public static string Done(ReportFiles report) =>
        string.Create(Periods.Swedish, $"Klart på {report.Elapsed.TotalSeconds:0.0} s.");
}
