using System.Globalization;
using Omtanke.Core.Samples;

namespace Omtanke.Cli;

/// <summary>Writes realistic sample extracts of every source, as their deliveries arrive, into a new folder.</summary>
public static class SamplesCommand
{
    public static async Task<int> RunAsync(Arguments args, TextWriter stdout)
    {
        var outDir = args.Required("--out");
        var scale = Scale(args.Optional("--scale"));
        args.RejectUnknown();
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            throw new UsageException($"Katalogen {outDir} är inte tom: ange en ny katalog eller töm den först.");

        var options = new SampleOptions { Scale = scale };
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Skriver exempelextrakt för {options.FirstMonth:yyyy-MM} – {options.LastMonth:yyyy-MM}, skala {scale}, till {outDir} …"));
        var files = SampleGenerator.WriteDeliveries(outDir, options);

        var sv = CultureInfo.GetCultureInfo("sv-SE");
        foreach (var source in files.GroupBy(f => f.SourceId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await stdout.WriteLineAsync($"  {source.Key,-18} {source.Count(),4} filer {source.Sum(f => (long)f.Rows).ToString("N0", sv),12} rader");
            foreach (var format in source.GroupBy(f => f.Format))
                await stdout.WriteLineAsync($"      {format.Count(),3} × {format.Key}");
        }
        await stdout.WriteLineAsync($"Klart: {files.Count} filer, {files.Sum(f => (long)f.Rows).ToString("N0", sv)} rader.");
        return CommandLine.Ok;
    }

    private static double Scale(string? text)
    {
        if (text is null) return 1;
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var scale)
            && scale > 0 && scale <= SampleOptions.MaxScale)
            return scale;
        throw new UsageException($"--scale ska vara ett tal större än 0 och högst {SampleOptions.MaxScale}, inte '{text}'.");
    }
}
