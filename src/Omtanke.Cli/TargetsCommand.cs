using System.Globalization;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Core.Targets;

namespace Omtanke.Cli;

/// <summary><c>targets list</c> shows every target in force and its history; <c>targets set</c> adds a change.</summary>
public static class TargetsCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        switch (args.Positional)
        {
            case ["list"]:
                args.RejectUnknown();
                return await ListAsync(settings, stdout);
            case ["set"]:
                return await SetAsync(args, settings, stdout);
            default:
                throw new UsageException(
                    "Använd: omtanke targets list | targets set --indicator ID (--value TAL --direction at_least|at_most | --remove) [--from ÅÅÅÅ-MM]");
        }
    }

    private static async Task<int> ListAsync(OmtankeSettings settings, TextWriter stdout)
    {
        await using var service = await OmtankeService.OpenAsync(settings);
        await using var conn = await service.Db.OpenConnectionAsync();
        var history = await TargetStore.HistoryAsync(conn);
        await stdout.WriteLineAsync("indicator;value;direction;valid_from;set_by;set_at");
        foreach (var t in history)
            await stdout.WriteLineAsync(string.Join(';', t.IndicatorId,
                t.Value?.ToString(CultureInfo.InvariantCulture) ?? "", Target.DbDirection(t.Direction),
                t.ValidFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture), t.SetBy,
                t.SetAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        return CommandLine.Ok;
    }

    private static async Task<int> SetAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var indicator = args.Required("--indicator");
        if (IndicatorCatalog.Find(indicator) is null) throw new UsageException($"Okänd indikator '{indicator}'.");
        var remove = args.Flag("--remove");
        var validFrom = args.Optional("--from") is null ? new DateOnly(DateTime.Today.Year, DateTime.Today.Month, 1) : args.Month("--from");
        decimal? value = null;
        var direction = TargetDirection.AtLeast;
        if (!remove)
        {
            var text = args.Required("--value");
            value = decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
                ? v : throw new UsageException($"--value ska vara ett tal, inte '{text}'.");
            direction = args.Required("--direction") switch
            {
                "at_least" => TargetDirection.AtLeast,
                "at_most" => TargetDirection.AtMost,
                var other => throw new UsageException($"--direction ska vara at_least eller at_most, inte '{other}'."),
            };
        }
        args.RejectUnknown();
        await using var service = await OmtankeService.OpenAsync(settings);
        await using var conn = await service.Db.OpenConnectionAsync();
        await TargetStore.SetAsync(conn, indicator, value, direction, validFrom, Environment.UserName);
        await stdout.WriteLineAsync(value is null
            ? $"Målet för {indicator} togs bort från och med {validFrom:yyyy-MM}."
            : $"Målet för {indicator} är {(direction == TargetDirection.AtLeast ? "≥" : "≤")} {value.Value.ToString(CultureInfo.InvariantCulture)} från och med {validFrom:yyyy-MM}.");
        return CommandLine.Ok;
    }
}
