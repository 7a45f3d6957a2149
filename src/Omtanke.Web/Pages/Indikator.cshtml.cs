using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Sources;
using Omtanke.Core.Storage;
using Omtanke.Core.Targets;
using Omtanke.Web.Accounts;
using Omtanke.Web.Presentation;
using Periods = Omtanke.Web.Presentation.Periods;

namespace Omtanke.Web.Pages;

/// <summary>
/// One indicator over time, per area: its definition, its trend chart, the control chart of one area,
/// its values with their numerators and denominators, what changed since a meeting saw them, and the group's comments.
/// </summary>
public sealed class IndikatorModel(NpgsqlDataSource db, DisclosureSettings disclosure) : PageModel
{
    public IndicatorDefinition Indicator { get; private set; } = default!;
    [BindProperty(SupportsGet = true, Name = "periodtyp")] public string PeriodTypeText { get; set; } = "month";
    [BindProperty(SupportsGet = true, Name = "fran")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "till")] public string? To { get; set; }
    /// <summary>The area of the control chart: a municipality's kommunkod, or the region by default.</summary>
    [BindProperty(SupportsGet = true, Name = "omrade")] public string SpcArea { get; set; } = Areas.Region;
    public IReadOnlyList<string> AreaColumns { get; } = ReportAreas.AreaCodes;
    public List<(string Period, Dictionary<string, ValueCell> Cells)> Rows { get; } = [];
    public List<Target> TargetHistory { get; private set; } = [];
    public ChartFigure? Trend { get; private set; }
    public ChartFigure? Spc { get; private set; }
    /// <summary>The values of this indicator a meeting saw that have changed since, and why.</summary>
    public List<Revision> Revisions { get; private set; } = [];
    /// <summary>What the group said about this indicator's values: explanations, decisions, actions.</summary>
    public List<Comment> Comments { get; private set; } = [];
    /// <summary>Why there is no control chart, where there is none.</summary>
    public string? SpcMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (IndicatorCatalog.Find(id) is not { } indicator) return NotFound();
        Indicator = indicator;
        var type = PeriodTypeText switch { "quarter" => PeriodType.Quarter, "year" => PeriodType.Year, _ => PeriodType.Month };
        PeriodTypeText = type.ToString().ToLowerInvariant();
        if (!AreaColumns.Contains(SpcArea)) SpcArea = Areas.Region;
        var from = Periods.Month(From) ?? new DateOnly(Periods.FirstYear, 1, 1);
        var to = Periods.Month(To) ?? new DateOnly(Periods.LastYear, 12, 1);
        var viewer = Viewer.Of(User);
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            var targets = await TargetStore.HistoryAsync(conn, ct);
            TargetHistory = targets.Where(t => t.IndicatorId == id).ToList();
            var byPeriod = new SortedDictionary<string, Dictionary<string, ValueCell>>(StringComparer.Ordinal);
            await foreach (var v in ValuesQuery.ReadAsync(db, new ValuesFilter(from, to, type, [id]), ct))
            {
                var target = TargetStore.InForce(targets, id, Periods.Start(v.Period));
                if (!byPeriod.TryGetValue(v.Period, out var cells)) byPeriod[v.Period] = cells = [];
                cells[v.Area] = ValueCell.Of(v, indicator, viewer, disclosure, target);
            }
            foreach (var (period, cells) in byPeriod.Reverse()) Rows.Add((period, cells));
        }
        if (Rows.Count > 0) await ChartsAsync(indicator, type, from, to, viewer, ct);
        Revisions = (await Core.Meetings.Revisions.ReadAsync(db, disclosure, MeetingSettings.FromEnvironment(), null, ct))
            .Where(r => r.Indicator == id).ToList();
        Comments = await Core.Meetings.Comments.ListAsync(db, id, ct: ct);
        return Page();
    }

    /// <summary>
    /// The charts read the indicator's values through the reports' data, for this viewer: values the page's
    /// table shows as hidden are gaps in the trend chart and left out of the control chart.
    /// </summary>
    private async Task ChartsAsync(IndicatorDefinition indicator, PeriodType type, DateOnly from, DateOnly to, Viewer viewer,
        CancellationToken ct)
    {
        var lastMonth = await LastMonthAsync(indicator, to, ct);
        var spcMonths = lastMonth is null ? [] : Core.Reporting.Periods.MonthsEndingWith(lastMonth.Value, MonthlyReport.SpcMonths);
        var filters = new List<ValuesFilter> { new(from, to, type, [indicator.Id]) };
        if (spcMonths.Count > 0) filters.Add(new(spcMonths[0], spcMonths[^1], PeriodType.Month, [indicator.Id]));
        var data = await ReportData.LoadAsync(db, disclosure, filters, ct, viewer.RawValueAreas);

        var periods = Rows.Select(r => r.Period).Reverse().Select(p => (p, Periods.Start(p))).ToList();
        // The page's heading names the indicator, so the chart itself carries no title.
        var trend = TrendChartData.Build(data, indicator, AreaColumns, periods) with { Title = "" };
        Trend = ChartFigure.Of("trenddiagram", $"{indicator.Name} per {PeriodNoun(type)}, kommunerna och regionen",
            $"Linjediagram: {indicator.Name} per {PeriodNoun(type)} för kommunerna och Region Halland",
            layout => TrendChart.Render(trend, layout: layout));

        var area = Areas.Name(SpcArea);
        var spc = data.Spc(indicator, SpcArea, spcMonths);
        if (spc.Points.Count == 0)
        {
            SpcMissing = $"Inget styrdiagram för {area}: inga månadsvärden bland de senaste {MonthlyReport.SpcMonths} månaderna.";
            return;
        }
        var (first, last) = (Periods.Start(spc.Points[0].Label), Periods.Start(spc.Points[^1].Label));
        var target = data.TargetAt(indicator, last);
        Spc = ChartFigure.Of("styrdiagram",
            $"Styrdiagram för {area}, {Periods.MonthName(first)} – {Periods.MonthName(last)}",
            $"Styrdiagram: {indicator.Name} för {area} per månad",
            layout => SpcChart.Render(area, indicator.Unit, spc, target, layout));
    }

    /// <summary>The latest month up to <paramref name="to"/> in which the indicator has a value: where the control chart ends.</summary>
    private async Task<DateOnly?> LastMonthAsync(IndicatorDefinition indicator, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await Sql.ScalarAsync(conn, """
            SELECT max(period_start) FROM indicator_values
            WHERE indicator_id = $1 AND period_type = 'month' AND value IS NOT NULL AND period_start <= $2
            """, ct, indicator.Id, to) is DateOnly month ? month : null;
    }

    private static string PeriodNoun(PeriodType type) => type switch
    {
        PeriodType.Quarter => "kvartal",
        PeriodType.Year => "år",
        _ => "månad",
    };
}
