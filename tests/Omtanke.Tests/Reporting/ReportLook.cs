using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;

namespace Omtanke.Tests.Reporting;

/// <summary>Writes the reports to OMTANKE_REPORT_LOOK for people to look at; not part of the normal run.</summary>
[Explicit("Writes sample reports for looking at them")]
public sealed class ReportLook
{
    [Test]
    public async Task Write_sample_reports()
    {
        var dir = Environment.GetEnvironmentVariable("OMTANKE_REPORT_LOOK") ?? Path.Combine(Path.GetTempPath(), "omtanke-report-look");
        await using var service = await TestPostgres.CreateServiceAsync();
        await ReportTestData.ImportAsync(service);
        await using (var conn = await service.Db.OpenConnectionAsync())
            await Omtanke.Core.Targets.TargetStore.SetAsync(conn, "uk_andel_inom_3", 45, Omtanke.Core.Targets.TargetDirection.AtLeast,
                new DateOnly(2023, 6, 1), "testare");
        var monthly = await MonthlyReport.WriteAsync(service.Db, new DisclosureSettings(), ReportTestData.LastMonth, dir);
        TestContext.Out.WriteLine($"{monthly.Workbook} {monthly.Elapsed.TotalSeconds:0.00} s");
        var again = await MonthlyReport.WriteAsync(service.Db, new DisclosureSettings(), ReportTestData.LastMonth, dir);
        TestContext.Out.WriteLine($"again {again.Elapsed.TotalSeconds:0.00} s");
        var quarterly = await QuarterlyReport.WriteAsync(service.Db, new DisclosureSettings(), new Quarter(2024, 1), dir);
        TestContext.Out.WriteLine($"{quarterly.Workbook} {quarterly.Elapsed.TotalSeconds:0.00} s");
        var extract = await MunicipalExtract.WriteAsync(service.Db, new DisclosureSettings(), "1380", new DateOnly(2023, 4, 1), ReportTestData.LastMonth, dir);
        TestContext.Out.WriteLine($"{extract.Workbook} {extract.Elapsed.TotalSeconds:0.00} s");
    }
}
