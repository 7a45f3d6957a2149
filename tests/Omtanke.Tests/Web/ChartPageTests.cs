using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Tests.Reporting;

namespace Omtanke.Tests.Web;

/// <summary>
/// The charts of the Indikator page and the SPC signals of Översikt, on two years of utskrivningsklara
/// (<see cref="ReportTestData"/>): Hylte's few stays keep some of its values hidden from readers.
/// </summary>
public sealed partial class ChartPageTests
{
    private const string Hylte = "1315";
    private WebTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await WebTestHost.StartAsync();
        await ReportTestData.ImportAsync(_host.Services.GetRequiredService<OmtankeService>());
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task The_indicator_page_inlines_the_trend_chart_and_the_regions_control_chart_for_laptop_and_phone()
    {
        var html = await (await _host.SignInAsync(WebTestHost.Reader)).GetStringAsync("/indikator/uk_andel_inom_3");
        Assert.Multiple(() =>
        {
            Assert.That(Figure(html, "trenddiagram"), Does.Contain("per månad, kommunerna och regionen"));
            Assert.That(Figure(html, "styrdiagram"), Does.Contain("Styrdiagram för Region Halland, april 2022 – mars 2024"));
            Assert.That(Figure(html, "styrdiagram"), Does.Match("p′?-diagram"));
            // Each chart twice, wide and narrow, each SVG scalable and labelled.
            Assert.That(Regex.Matches(html, "<svg[^>]* viewBox=\"[^\"]+\"[^>]* role=\"img\" aria-label=\"[^\"]+\"").Count, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task The_control_chart_is_drawn_for_the_chosen_municipality()
    {
        var html = await (await _host.SignInAsync(WebTestHost.Reader)).GetStringAsync("/indikator/uk_andel_inom_3?omrade=1380");
        Assert.That(Figure(html, "styrdiagram"), Does.Contain("Styrdiagram för Halmstad"));
        Assert.That(html, Does.Contain("<option value=\"1380\" selected=\"selected\">Halmstad</option>"));
    }

    [Test]
    public async Task Charts_hide_what_the_viewers_table_hides_and_show_what_it_shows()
    {
        // Hylte's days with payment responsibility are small counts: hidden from a reader, so its line has
        // gaps, and its control chart leaves them out, not judged; an analyst sees them, in the table and the charts.
        const string page = "/indikator/uk_betalningsdagar?omrade=" + Hylte;
        var reader = await (await _host.SignInAsync(WebTestHost.Reader)).GetStringAsync(page);
        var analyst = await (await _host.SignInAsync(WebTestHost.Analyst)).GetStringAsync(page);
        Assert.Multiple(() =>
        {
            Assert.That(reader, Does.Contain("\">&lt;5</td>"));
            Assert.That(Figure(reader, "trenddiagram"), Does.Contain("Hylte (dolda värden)"));
            Assert.That(Figure(reader, "styrdiagram"), Does.Contain("Styrdiagram för Hylte"));
            Assert.That(Figure(reader, "styrdiagram"), Is.Not.EqualTo(Figure(analyst, "styrdiagram")));

            Assert.That(analyst, Does.Not.Contain("\">&lt;5</td>"));
            Assert.That(Figure(analyst, "trenddiagram"), Does.Not.Contain("dolda värden"));
            Assert.That(Figure(analyst, "styrdiagram"), Does.Contain("Styrdiagram för Hylte").And.Contain("seriediagram"));
        });
    }

    [Test]
    public async Task Översikt_marks_the_months_SPC_signals_as_the_monthly_reports_Sammanfattning_does()
    {
        var client = await _host.SignInAsync(WebTestHost.Reader);
        var overview = await client.GetStringAsync("/");
        var report = await client.GetAsync("/rapporter?handler=Manad&manad=2024-03");
        Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var workbook = new XLWorkbook(await report.Content.ReadAsStreamAsync());
        var summary = workbook.Worksheet(SummarySheet.Name);

        Assert.That(overview, Does.Contain("Översikt – mars 2024"));
        var marked = 0;
        foreach (var indicator in IndicatorCatalog.All.Where(i => i.SourceId == "utskrivningsklara"))
        {
            var band = summary.RowsUsed().First(r => r.Cell(1).GetString().StartsWith(IndicatorTexts.NameWithUnit(indicator) + " – ", StringComparison.Ordinal))
                .RowNumber();
            var cells = Cells(overview, indicator.Id);
            foreach (var (area, i) in ReportAreas.AreaCodes.Select((a, i) => (a, i)))
            {
                var expected = summary.Row(band + 1 + i).Cell(10).GetString();
                Assert.That(cells[i], Is.EqualTo(expected), $"{indicator.Id} {area}");
                if (expected != "") marked++;
            }
        }
        Assert.That(marked, Is.GreaterThan(0), "Halmstad's longer waits from 2023-09 give signals");
        Assert.That(overview, Does.Contain("class=\"spc-legend\"").And.Contain("✖</b> försämring").And.Contain("○</b> ej bedömd"));
    }

    /// <summary>The figure element of the given id.</summary>
    private static string Figure(string html, string id)
    {
        var match = Regex.Match(html, $"<figure class=\"chart\" id=\"{id}\">.*?</figure>", RegexOptions.Singleline);
        Assert.That(match.Success, $"no figure {id}");
        return match.Value;
    }

    /// <summary>The SPC signals of an indicator's row on Översikt, per area column, as the cells state them for screen readers.</summary>
    private static List<string> Cells(string html, string indicatorId)
    {
        var row = Regex.Match(html, $"<tr>\\s*<th scope=\"row\"><a href=\"/indikator/{indicatorId}\">.*?</tr>", RegexOptions.Singleline).Value;
        return CellPattern().Matches(row).Skip(1) // the target column
            .Select(c => SignalPattern().Match(c.Value) is { Success: true } s ? s.Groups[1].Value : "")
            .ToList();
    }

    [GeneratedRegex("<td[^>]*>.*?</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("SPC: ([^<]+)</span>")]
    private static partial Regex SignalPattern();
}
