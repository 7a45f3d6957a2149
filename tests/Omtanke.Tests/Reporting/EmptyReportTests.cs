using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;

namespace Omtanke.Tests.Reporting;

/// <summary>A period without any data still gives complete, valid files: every indicator listed, nothing shown.</summary>
public sealed class EmptyReportTests
{
    [Test]
    public async Task Every_output_is_written_for_a_database_without_data()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        var dir = Path.Combine(Path.GetTempPath(), "omtanke-empty-" + Guid.NewGuid().ToString("N")[..8]);
        var context = ReportTestData.Context(service);

        var monthly = await MonthlyReport.WriteAsync(context, new DateOnly(2024, 3, 1), dir);
        var quarterly = await QuarterlyReport.WriteAsync(context, new Quarter(2024, 1), dir);
        var extract = await MunicipalExtract.WriteAsync(context, "1381", new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 1), dir);

        foreach (var path in new[] { monthly.Workbook, quarterly.Workbook, extract.Workbook })
            WorkbookChecks.PassesOpenXmlValidator(path);
        using var workbook = new XLWorkbook(monthly.Workbook);
        var deliveries = workbook.Worksheet("Leveranser").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(deliveries, Does.Contain("Ingen leverans för månaden"));
        Assert.That(deliveries.Count(t => t.StartsWith("Befolkning 31 december 2023 saknas", StringComparison.Ordinal)), Is.EqualTo(6));
        // Trend charts of nothing are still drawn (empty); no control chart without values.
        Assert.That(monthly.Other.Count(f => f.EndsWith(".png", StringComparison.Ordinal)), Is.EqualTo(IndicatorCatalog.All.Count));
        foreach (var png in monthly.Other.Where(f => f.EndsWith(".png", StringComparison.Ordinal))) WorkbookChecks.IsChartImage(png);
    }
}
