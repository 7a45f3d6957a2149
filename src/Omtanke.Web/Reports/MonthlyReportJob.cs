using Hangfire;
using Hangfire.Server;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Reports;

/// <summary>On its day each month, renders the previous month's report into the archive.</summary>
public sealed class MonthlyReportJob(IReportRenderer renderer, ReportArchive archive, WebOptions options, TimeProvider clock)
{
    public const string RecurringId = "manadsrapport";
    private const string Actor = "schemalagt jobb";

    public static string Cron(WebOptions options) =>
        Hangfire.Cron.Monthly(options.MonthlyReportDay, options.MonthlyReportTime.Hour, options.MonthlyReportTime.Minute);

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Månadsrapport")]
    public async Task RunAsync(PerformContext? context, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var report = await renderer.MonthlyAsync(month, Actor, ct);
        await archive.AddAsync(ReportKinds.Monthly, month.ToString("yyyy-MM"), report, Actor, context?.BackgroundJob.Id, ct);
    }
}
