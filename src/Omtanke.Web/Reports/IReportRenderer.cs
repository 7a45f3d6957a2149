namespace Omtanke.Web.Reports;

public sealed record RenderedReport(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The seam between the web application and report rendering: the archive job and the download pages ask
/// for a report by period and get a finished file. The reporting code (the Indikatorrapport workbook, the
/// quarterly RUG report) plugs in here; until it does, <see cref="ValuesCsvReports"/> renders the period's
/// published values as CSV.
/// </summary>
public interface IReportRenderer
{
    Task<RenderedReport> MonthlyAsync(DateOnly month, CancellationToken ct);
    Task<RenderedReport> QuarterlyAsync(int year, int quarter, CancellationToken ct);

    /// <summary>A municipality's local extract for its own analysis: its values unhidden, so only for those
    /// who may see them (the caller checks).</summary>
    Task<RenderedReport> MunicipalExtractAsync(string kommunkod, DateOnly from, DateOnly to, CancellationToken ct);
}

public static class ReportKinds
{
    public const string Monthly = "månadsrapport";
    public const string Quarterly = "kvartalsrapport";
    public const string MunicipalExtract = "kommunextrakt";
}
