using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary>
/// Imports the sample extracts of data-samples/extracts (in path order, so corrections follow what they
/// correct), then writes the demo outputs under out/ and says where they are.
/// </summary>
public static class DemoCommand
{
    public const string SamplesFolder = "data-samples/extracts";
    public const string OutFolder = "out";

    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        args.RejectUnknown();
        args.RejectPositional();
        var samples = Path.Combine(settings.WorkingDirectory, SamplesFolder);
        if (!Directory.Exists(samples))
            throw new UsageException($"Hittar inte {SamplesFolder}/: kör demo från projektets rotkatalog.");
        var files = Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

        await using var service = await OmtankeService.OpenAsync(settings);
        await stdout.WriteLineAsync($"Importerar {files.Count} exempelfiler från {SamplesFolder}/ …");
        var rejected = 0;
        foreach (var file in files)
        {
            var outcome = await service.Importer.ImportAsync(new ImportRequest(file, Environment.UserName, "demo")
            { DisplayName = Path.GetRelativePath(samples, file) });
            await stdout.WriteLineAsync("  " + outcome.Summary().Replace("\n", "\n  "));
            if (outcome.Status == ImportStatus.Rejected) rejected++;
        }
        if (rejected > 0)
            throw new InvalidOperationException($"{rejected} exempelfiler avvisades; data-samples/extracts ska bara innehålla giltiga filer.");

        var outDir = Directory.CreateDirectory(Path.Combine(settings.WorkingDirectory, OutFolder)).FullName;
        var valuesFile = Path.Combine(outDir, "indikatorvarden.csv");
        var months = await WriteAllValuesAsync(service, valuesFile);
        await ReportCommand.WriteLatestAsync(service, settings, outDir, stdout);
        await stdout.WriteLineAsync($"""

            Klart. Indikatorvärden för {months}: {valuesFile}
            Visa dem med till exempel:
              dotnet run --project src/Omtanke.Cli -- values --from 2024-01 --to 2024-06 --indicator uk_medeldagar_somatik
            """);
        return CommandLine.Ok;
    }

    /// <summary>The published view (values --published): the demo's output sits beside the published reports.</summary>
    private static async Task<string> WriteAllValuesAsync(OmtankeService service, string path)
    {
        var months = await ValuesQuery.MonthRangeAsync(service.Db);
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        if (months is (var first, var last))
            await ValuesWriter.WriteAsync(service, new ValuesFilter(first, last), published: true, writer);
        else
            await writer.WriteLineAsync(ValuesCsv.Header);
        return months is (var from, var to) ? $"{Periods.Label(from)} – {Periods.Label(to)}" : "inga månader";
    }
}
