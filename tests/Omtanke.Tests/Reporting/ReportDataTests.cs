using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Reporting;

/// <summary>
/// Report data read on behalf of someone with the raw-data role for some areas (the web pages' charts and
/// signals): those areas' values unhidden, every other area's as published.
/// </summary>
public sealed class ReportDataTests
{
    private const string Hylte = "1315", Halmstad = "1380";
    private static readonly IndicatorDefinition Days = IndicatorCatalog.Find("uk_betalningsdagar")!;
    private static readonly IReadOnlyList<DateOnly> Months = Periods.MonthsEndingWith(ReportTestData.LastMonth, MonthlyReport.SpcMonths);
    private OmtankeService _service = null!;

    [OneTimeSetUp]
    public async Task ImportAsync() => _service = await ReportTestData.ServiceAsync();

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
    }

    private Task<ReportData> LoadAsync(params string[] rawValueAreas) =>
        ReportData.LoadAsync(_service.Db, new DisclosureSettings(5), [new ValuesFilter(Months[0], Months[^1])], CancellationToken.None,
            rawValueAreas.ToHashSet());

    [Test]
    public async Task Only_the_raw_value_areas_are_unhidden_in_values_trend_charts_and_control_charts()
    {
        var published = await LoadAsync();
        var hylte = await LoadAsync(Hylte);
        var hidden = Months.Select(Periods.Label).Where(m => published.Published(Days, Hylte, m).IsHidden).ToList();
        Assert.That(hidden, Is.Not.Empty, "Hylte's 0–4 stays a month give small, hidden counts");

        foreach (var month in hidden)
            Assert.That(hylte.Published(Days, Hylte, month).Number, Is.EqualTo(hylte.Stored(Days, Hylte, month)!.Value), month);
        foreach (var month in Months.Select(Periods.Label))
            Assert.That(hylte.Published(Days, Halmstad, month), Is.EqualTo(published.Published(Days, Halmstad, month)), month);

        // Published, Hylte's hidden months stay in its control chart without their number and are not
        // judged; unhidden, all 24 final months are.
        var publishedSpc = published.Spc(Days, Hylte, Months);
        Assert.That(publishedSpc.Points.Where(p => p.Hidden).Select(p => p.Label), Is.EqualTo(hidden));
        Assert.That(publishedSpc.Points.Where(p => p.Hidden).Select(p => p.Judged), Is.All.False);
        Assert.That(hylte.Spc(Days, Hylte, Months).Points.Select(p => p.Judged).ToList(), Has.Count.EqualTo(Months.Count).And.All.True);

        var periods = Months.Select(m => (Periods.Label(m), m)).ToList();
        Assert.That(TrendChartData.Build(published, Days, ReportAreas.AreaCodes, periods).Series[0].Name, Is.EqualTo("Hylte (dolda värden)"));
        var unhidden = TrendChartData.Build(hylte, Days, ReportAreas.AreaCodes, periods).Series[0];
        Assert.That(unhidden.Name, Is.EqualTo("Hylte"));
        Assert.That(unhidden.Values, Has.None.Null);
    }
}
