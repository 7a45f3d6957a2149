using System.Globalization;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

public static class ImportCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var source = args.Optional("--source");
        var dryRun = args.Flag("--dry-run");
        args.RejectUnknown();
        if (args.Positional.Count == 0) throw new UsageException("Ange minst en fil att importera.");
        var missing = args.Positional.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0) throw new UsageException($"Filen finns inte: {string.Join(", ", missing)}.");
        if (source is not null && SourceCatalog.Find(source) is null)
            throw new UsageException($"Okänd källa '{source}'. Kända källor: {string.Join(", ", SourceCatalog.All.Select(s => s.Id))}.");

        await using var service = await OmtankeService.OpenAsync(settings);
        var rejected = 0;
        foreach (var file in args.Positional)
        {
            var outcome = await service.Importer.ImportAsync(
                new ImportRequest(file, Environment.UserName, "cli") { SourceId = source, DryRun = dryRun });
            await stdout.WriteLineAsync(outcome.Summary());
            if (outcome.Status == ImportStatus.Rejected) rejected++;
        }
        return rejected == 0 ? CommandLine.Ok : CommandLine.SomeFilesRejected;
    }
}

public static class ValuesCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var from = args.Month("--from");
        var to = args.Month("--to");
        if (to < from) throw new UsageException("--to får inte vara före --from.");
        var periodType = args.Optional("--period-type") switch
        {
            null or "month" => PeriodType.Month,
            "quarter" => PeriodType.Quarter,
            "year" => PeriodType.Year,
            var other => throw new UsageException($"--period-type ska vara month, quarter eller year, inte '{other}'."),
        };
        var indicators = args.Many("--indicator");
        var areas = args.Many("--area");
        var published = args.Flag("--published");
        args.RejectUnknown();
        args.RejectPositional();
        var unknown = indicators.Where(i => IndicatorCatalog.Find(i) is null).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"Okänd indikator: {string.Join(", ", unknown)}. Kända: {string.Join(", ", IndicatorCatalog.All.Select(i => i.Id))}.");

        await using var service = await OmtankeService.OpenAsync(settings);
        var filter = new ValuesFilter(from, to, periodType, indicators.Count > 0 ? indicators : null, areas.Count > 0 ? areas : null);
        await ValuesWriter.WriteAsync(service, filter, published, stdout);
        return CommandLine.Ok;
    }
}

/// <summary>The values CSV, raw or as published; the demo writes it too.</summary>
public static class ValuesWriter
{
    public static async Task WriteAsync(OmtankeService service, ValuesFilter filter, bool published, TextWriter writer)
    {
        await writer.WriteLineAsync(ValuesCsv.Header);
        await foreach (var value in ValuesQuery.ReadAsync(service.Db, filter))
        {
            var indicator = IndicatorCatalog.Find(value.Indicator)!;
            var isCount = indicator.Kind == IndicatorKind.Count;
            await writer.WriteLineAsync(published
                ? ValuesCsv.PublishedLine(value, isCount, Disclosure.Publish(indicator, value, service.Engine.Disclosure.Settings).Symbol)
                : ValuesCsv.Line(value, isCount));
        }
    }
}

public static class RecomputeCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        args.RejectUnknown();
        args.RejectPositional();
        await using var service = await OmtankeService.OpenAsync(settings);
        var started = DateTime.UtcNow;
        await using (var conn = await service.Db.OpenConnectionAsync())
        {
            await using (var tx = await conn.BeginTransactionAsync())
            {
                await service.Engine.RecomputeAllAsync(conn);
                await tx.CommitAsync();
            }
            await service.Engine.VacuumDerivedTablesAsync(conn);
        }
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Alla {IndicatorCatalog.All.Count} indikatorer beräknades på nytt på {(DateTime.UtcNow - started).TotalSeconds:0.0} s."));
        return CommandLine.Ok;
    }
}

public static class DbCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        args.RejectUnknown();
        if (args.Positional is not ["stop"]) throw new UsageException("Använd: omtanke db stop");
        var embedded = new EmbeddedPostgres(settings.EmbeddedHome);
        if (!embedded.Exists || !embedded.IsRunning())
        {
            await stdout.WriteLineAsync("Den inbäddade databasen körs inte.");
            return CommandLine.Ok;
        }
        await embedded.StopAsync();
        await stdout.WriteLineAsync($"Den inbäddade databasen i {settings.EmbeddedHome} har stoppats.");
        return CommandLine.Ok;
    }
}
