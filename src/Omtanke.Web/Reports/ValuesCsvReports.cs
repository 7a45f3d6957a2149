using System.Text;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Web.Accounts;
using Omtanke.Web.Presentation;

namespace Omtanke.Web.Reports;

/// <summary>
/// A period's indicator values as CSV (';', UTF-8 with BOM so Excel reads å ä ö), one row per indicator,
/// area and period: published reports with disclosure control applied, a municipality's extract with its
/// own values unhidden.
/// </summary>
public sealed class ValuesCsvReports(NpgsqlDataSource db, DisclosureSettings disclosure) : IReportRenderer
{
    public Task<RenderedReport> MonthlyAsync(DateOnly month, CancellationToken ct) =>
        RenderAsync($"Indikatorvärden {month:yyyy-MM}.csv", new ValuesFilter(month, month), ct);

    public Task<RenderedReport> QuarterlyAsync(int year, int quarter, CancellationToken ct)
    {
        var start = new DateOnly(year, 3 * quarter - 2, 1);
        return RenderAsync($"Indikatorvärden {year}-Q{quarter}.csv",
            new ValuesFilter(start, start.AddMonths(2), PeriodType.Quarter), ct);
    }

    public Task<RenderedReport> MunicipalExtractAsync(string kommunkod, DateOnly from, DateOnly to, CancellationToken ct) =>
        RenderAsync($"Indikatorvärden {Areas.Name(kommunkod)} {from:yyyy-MM}–{to:yyyy-MM}.csv",
            new ValuesFilter(from, to, Areas: [kommunkod]), ct, new Viewer("kommunextrakt", Roles.Municipality, kommunkod));

    private async Task<RenderedReport> RenderAsync(string fileName, ValuesFilter filter, CancellationToken ct, Viewer? viewer = null)
    {
        var published = viewer ?? Viewer.Public;
        var csv = new StringBuilder("indikator;namn;område;period;värde;status\n");
        await foreach (var v in ValuesQuery.ReadAsync(db, filter, ct))
        {
            var indicator = IndicatorCatalog.Find(v.Indicator);
            if (indicator is null) continue;
            var shown = ShownValue.Of(v, indicator, published, disclosure);
            csv.Append(string.Join(';', v.Indicator, Quote(indicator.Name), Quote(Areas.Name(v.Area)), v.Period,
                    shown.Symbol ?? ValuesCsv.Number(shown.Number), v.Preliminary ? "preliminär" : "slutlig"))
                .Append('\n');
        }
        return new RenderedReport(fileName, "text/csv; charset=utf-8",
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())]);
    }

    private static string Quote(string text) => text.Contains(';') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
