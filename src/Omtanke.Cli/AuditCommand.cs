using System.Globalization;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary>
/// <c>audit disclosure</c>: checks the guarantee of disclosure control over everything published, as a reader and as
/// each municipality's user can combine it, and lists every hidden cell whose value can be derived.
/// </summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        if (args.Positional is not ["disclosure"]) throw new UsageException("Använd: omtanke audit disclosure [--from ÅÅÅÅ-MM --to ÅÅÅÅ-MM]");
        (DateOnly, DateOnly)? range = args.Optional("--from") is null && args.Optional("--to") is null
            ? null
            : (args.Month("--from"), args.Month("--to"));
        args.RejectUnknown();
        if (range is var (from, to) && to < from) throw new UsageException("--to får inte vara före --from.");

        await using var service = await OmtankeService.OpenAsync(settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await service.Engine.Disclosure.AuditAsync(service.Db, range);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Dolda celler: {result.HiddenCells}
            Kontrollerade samband: {result.Relations}
            Vyer: läsare och varje kommuns användare ({Core.DisclosureControl.DisclosureView.All.Count})
            Härledbara dolda celler: {result.Derivable.Count}
            Primära celler som visas: {result.PrimaryShown.Count}
            Tid: {clock.Elapsed.TotalSeconds:0.00} s
            """));
        foreach (var d in result.Derivable)
            await stdout.WriteLineAsync($"  härledbar för {d.View.Name}: {d.Cell}");
        foreach (var cell in result.PrimaryShown)
            await stdout.WriteLineAsync($"  primär cell visas: {cell}");
        return result.Holds ? CommandLine.Ok : CommandLine.CheckFailed;
    }
}
