using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Web.Meetings;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Core.Targets;
using Omtanke.Web.Accounts;
using Omtanke.Web.Deliveries;
using Omtanke.Web.Presentation;

namespace Omtanke.Web.Pages;

/// <summary>
/// Översikt: the latest month, every indicator, the municipalities side by side, targets, the month's SPC
/// signals (judged as the monthly report's Sammanfattning judges them), a mark where a value the last meeting saw
/// has changed since, and missing deliveries.
/// </summary>
public sealed class IndexModel(NpgsqlDataSource db, DeliveryHistory deliveries, DisclosureSettings disclosure) : PageModel
{
    public DateOnly? Month { get; private set; }
    public IReadOnlyList<string> AreaColumns { get; } = ReportAreas.AreaCodes;
    public int SpcMonths => MonthlyReport.SpcMonths;
    public List<(IndicatorDefinition Indicator, Target? Target, Dictionary<string, ValueCell> Cells)> Rows { get; } = [];
    public List<(string Source, List<string> Missing)> MissingDeliveries { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            Month = await Sql.ScalarAsync(conn, "SELECT max(period_start) FROM indicator_values WHERE period_type = 'month'", ct)
                is DateOnly m ? m : null;
            if (Month is null) return;
            var targets = await TargetStore.HistoryAsync(conn, ct);
            var viewer = Viewer.Of(User);
            var values = new List<IndicatorValue>();
            await foreach (var v in ValuesQuery.ReadAsync(db, new ValuesFilter(Month.Value, Month.Value), ct)) values.Add(v);
            // The SPC series behind the month's signals, read for this viewer as the table's values are.
            var spcMonths = Core.Reporting.Periods.MonthsEndingWith(Month.Value, MonthlyReport.SpcMonths);
            var data = await ReportData.LoadAsync(db, disclosure, [new ValuesFilter(spcMonths[0], Month.Value)], ct, viewer.RawValueAreas);
            var revisions = await Revisions.ReadAsync(db, disclosure, MeetingSettings.FromEnvironment(), null, ct);
            foreach (var indicator in IndicatorCatalog.All)
            {
                var target = TargetStore.InForce(targets, indicator.Id, Month.Value);
                Rows.Add((indicator, target, values.Where(v => v.Indicator == indicator.Id)
                    .ToDictionary(v => v.Area, v => ValueCell.Of(v, indicator, viewer, disclosure, target) with
                    {
                        Spc = data.SignalsAt(indicator, v.Area, Month.Value),
                        Revised = revisions.Where(r => r.Indicator == indicator.Id && r.Area == v.Area).Select(RevisionText.Of).ToList(),
                    })));
            }
        }
        var covered = await deliveries.CoverageAsync(Month.Value, Month.Value, ct);
        foreach (var source in SourceCatalog.All.Where(s => s.Id != "befolkning"))
        {
            var missing = Areas.Municipalities.Keys.Where(k => !covered.Any(c => c.Source == source.Id && c.Kommunkod == k)).ToList();
            if (missing.Count > 0) MissingDeliveries.Add((source.Id, missing));
        }
    }
}
