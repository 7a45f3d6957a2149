namespace Omtanke.Web.Reports;

public sealed record RenderedReport(string FileName, string ContentType, byte[] Content)
{
    /// <summary>Files rendered with the report that belong to it, such as the RUG follow-up's printable page.</summary>
    public IReadOnlyList<RenderedReport> Companions { get; init; } = [];
}

/// <summary>
/// The seam between the web application and report rendering: the archive job and the download pages ask
/// for a report by period and get a finished file; <see cref="WorkbookReports"/> renders them with the
/// reporting of Omtanke.Core. <paramref name="actor"/> is who asked, for the audit trail.
/// </summary>
public interface IReportRenderer
{
    Task<RenderedReport> MonthlyAsync(DateOnly month, string actor, CancellationToken ct);
    Task<RenderedReport> QuarterlyAsync(int year, int quarter, string actor, CancellationToken ct);
    Task<RenderedReport> MunicipalExtractAsync(string kommunkod, DateOnly from, DateOnly to, string actor, CancellationToken ct);
    Task<RenderedReport> MeetingPackAsync(DateOnly month, string actor, CancellationToken ct);
}

public static class ReportKinds
{
    public const string Monthly = "månadsrapport";
    public const string Quarterly = "kvartalsrapport";
}
