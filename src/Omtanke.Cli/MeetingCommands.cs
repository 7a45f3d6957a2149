using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary><c>approve --month yyyy-MM [--by NAME]</c>: prints only the snapshot's id, for scripts.</summary>
public static class ApproveCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var month = args.Month("--month");
        var by = args.Optional("--by");
        args.RejectUnknown();
        args.RejectPositional();
        await using var service = await OmtankeService.OpenAsync(settings);
        var context = ReportCommand.Context(service, settings) with { Actor = by ?? Environment.UserName };
        await stdout.WriteLineAsync((await Snapshots.ApproveAsync(context, month)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return CommandLine.Ok;
    }
}

/// <summary><c>revisions [--month yyyy-MM]</c>: the presented values that differ now, as CSV.</summary>
public static class RevisionsCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        DateOnly? month = args.Optional("--month") is null ? null : args.Month("--month");
        args.RejectUnknown();
        args.RejectPositional();
        await using var service = await OmtankeService.OpenAsync(settings);
        await stdout.WriteLineAsync(RevisionsCsv.Header);
        foreach (var revision in await Revisions.ReadAsync(service.Db, new DisclosureSettings(settings.DisclosureLimit),
                     MeetingSettings.FromEnvironment(), month))
            await stdout.WriteLineAsync(RevisionsCsv.Line(revision));
        return CommandLine.Ok;
    }
}

/// <summary><c>comment add …</c> prints the new comment's id; <c>comment list …</c> prints the comments as CSV.</summary>
public static class CommentCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        switch (args.Positional)
        {
            case ["add"]: return await AddAsync(args, settings, stdout);
            case ["list"]: return await ListAsync(args, settings, stdout);
            default:
                throw new UsageException("Använd: omtanke comment add --indicator ID --area KOD --period ÅÅÅÅ-MM --text TEXT " +
                    "[--action --owner NAMN --follow-up ÅÅÅÅ-MM] | comment list [--indicator ID] [--area KOD]");
        }
    }

    private static async Task<int> AddAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var indicator = Indicator(args.Required("--indicator"));
        var area = Area(args.Required("--area"));
        var period = args.Month("--period");
        var text = args.Required("--text");
        var action = args.Flag("--action");
        var owner = action ? args.Required("--owner") : args.Optional("--owner");
        DateOnly? followUp = action ? args.Month("--follow-up") : args.Optional("--follow-up") is null ? null : args.Month("--follow-up");
        args.RejectUnknown();
        if (!action && (owner is not null || followUp is not null))
            throw new UsageException("--owner och --follow-up hör till en åtgärd: lägg till --action.");
        if (string.IsNullOrWhiteSpace(text) || text.Length > Comment.MaxLength)
            throw new UsageException($"--text ska ha 1–{Comment.MaxLength} tecken.");
        if (owner is not null && string.IsNullOrWhiteSpace(owner)) throw new UsageException("--owner får inte vara tomt.");

        await using var service = await OmtankeService.OpenAsync(settings);
        var id = await Comments.AddAsync(service.Db, new NewComment(indicator, area, period, text, owner, followUp), Environment.UserName);
        await stdout.WriteLineAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return CommandLine.Ok;
    }

    private static async Task<int> ListAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var indicator = args.Optional("--indicator") is { } i ? Indicator(i) : null;
        var area = args.Optional("--area") is { } a ? Area(a) : null;
        args.RejectUnknown();
        await using var service = await OmtankeService.OpenAsync(settings);
        await stdout.WriteLineAsync(CommentsCsv.Header);
        foreach (var comment in await Comments.ListAsync(service.Db, indicator, area))
            await stdout.WriteLineAsync(CommentsCsv.Line(comment));
        return CommandLine.Ok;
    }

    private static string Indicator(string id) => IndicatorCatalog.Find(id) is not null ? id
        : throw new UsageException($"Okänd indikator '{id}'. Kända: {string.Join(", ", IndicatorCatalog.All.Select(i => i.Id))}.");

    private static string Area(string code) => ReportAreas.AreaCodes.Contains(code) ? code
        : throw new UsageException($"--area ska vara en av {string.Join(", ", ReportAreas.AreaCodes.Select(a => $"{a} {Areas.Name(a)}"))}; inte '{code}'.");
}

/// <summary><c>meeting-pack --month yyyy-MM --out DIR</c>: the agenda material of the month's meeting.</summary>
public static class MeetingPackCommand
{
    public static async Task<int> RunAsync(Arguments args, OmtankeSettings settings, TextWriter stdout)
    {
        var month = args.Month("--month");
        var outDir = args.Required("--out");
        args.RejectUnknown();
        args.RejectPositional();
        await using var service = await OmtankeService.OpenAsync(settings);
        var pack = await MeetingPack.WriteAsync(ReportCommand.Context(service, settings), month, outDir);
        await stdout.WriteLineAsync($"Mötesunderlag för {Periods.SwedishMonth(month)}: {pack.Workbook}");
        await stdout.WriteLineAsync($"Diagram för det som hänt ({pack.Other.Count / 2} indikatorer): " +
            Path.Combine(outDir, $"Motesunderlag-{Periods.Label(month)}-diagram"));
        await stdout.WriteLineAsync(ReportCommand.Done(pack));
        return CommandLine.Ok;
    }
}
