using System.Globalization;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary><c>extract --kommun CODE --from yyyy-MM --to yyyy-MM --out DIR</c>.</summary>
public static class ExtractCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var kommun = args.Required("--kommun");
        var from = args.Month("--from");
        var to = args.Month("--to");
        var outDir = args.Required("--out");
        args.RejectUnknown();
        args.RejectPositional();
        if (!Areas.IsMunicipality(kommun))
            throw new UsageException($"--kommun ska vara en av Hallands kommuner: " +
                $"{string.Join(", ", Areas.Municipalities.Select(m => $"{m.Key} {m.Value}"))}; inte '{kommun}'.");
        if (to < from) throw new UsageException("--to får inte vara före --from.");

        await using var service = await OmtankeService.OpenAsync(settings);
        var report = await MunicipalExtract.WriteAsync(ReportCommand.Context(service, settings), kommun, from, to, outDir);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Lokalt uttag för {Areas.Name(kommun)} ({kommun}), {from:yyyy-MM} – {to:yyyy-MM}: {report.Workbook}"));
        await stdout.WriteLineAsync(ReportCommand.Done(report));
        return CommandLine.Ok;
    }
}
