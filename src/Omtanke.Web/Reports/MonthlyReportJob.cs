using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Omtanke.Core.Reporting;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Reports;

/// <summary>
/// On its day each month, renders the previous month's report into the archive, and after a quarter's
/// last month also the quarter's RUG follow-up.
/// </summary>
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
        await ArchiveAsync(month, context?.BackgroundJob.Id, ct);
    }

    /// <summary>
    /// The reports of one month (<c>yyyy-MM</c>), as the scheduled run makes them: the month's
    /// Indikatorrapport and, where the month closes a quarter, the quarter's RUG follow-up as workbook and
    /// printable page. The run after a quarter's last month is the first with the whole quarter delivered.
    /// Each file is archived once per job, so a retried job archives nothing twice.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Rapporter för {0}")]
    public Task RunForMonthAsync(string month, PerformContext? context, CancellationToken ct) =>
        ArchiveAsync(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), context?.BackgroundJob.Id, ct);

    private async Task ArchiveAsync(DateOnly month, string? jobId, CancellationToken ct)
    {
        var monthly = await renderer.MonthlyAsync(month, Actor, ct);
        await archive.AddAsync(ReportKinds.Monthly, Periods.Label(month), monthly, Actor, jobId, ct);

        var quarter = Quarter.Of(month);
        if (month != quarter.LastMonth) return;
        var quarterly = await renderer.QuarterlyAsync(quarter.Year, quarter.Number, Actor, ct);
        foreach (var file in (RenderedReport[])[quarterly, .. quarterly.Companions])
            await archive.AddAsync(ReportKinds.Quarterly, quarter.Label, file, Actor, jobId, ct);
    }
}
