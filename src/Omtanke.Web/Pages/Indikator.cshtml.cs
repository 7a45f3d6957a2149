using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Core.Targets;
using Omtanke.Web.Accounts;
using Omtanke.Web.Presentation;

namespace Omtanke.Web.Pages;

/// <summary>One indicator over time, per area: its definition, its values and their numerators and denominators.</summary>
public sealed class IndikatorModel(NpgsqlDataSource db, DisclosureSettings disclosure) : PageModel
{
    public IndicatorDefinition Indicator { get; private set; } = default!;
    [BindProperty(SupportsGet = true, Name = "periodtyp")] public string PeriodTypeText { get; set; } = "month";
    [BindProperty(SupportsGet = true, Name = "fran")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "till")] public string? To { get; set; }
    public IReadOnlyList<string> AreaColumns { get; } = [.. Areas.Municipalities.Keys, Areas.Region];
    public List<(string Period, Dictionary<string, ValueCell> Cells)> Rows { get; } = [];
    public List<Target> TargetHistory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (IndicatorCatalog.Find(id) is not { } indicator) return NotFound();
        Indicator = indicator;
        var type = PeriodTypeText switch { "quarter" => PeriodType.Quarter, "year" => PeriodType.Year, _ => PeriodType.Month };
        PeriodTypeText = type.ToString().ToLowerInvariant();
        await using var conn = await db.OpenConnectionAsync(ct);
        var targets = await TargetStore.HistoryAsync(conn, ct);
        TargetHistory = targets.Where(t => t.IndicatorId == id).ToList();
        var from = Month(From) ?? new DateOnly(2000, 1, 1);
        var to = Month(To) ?? new DateOnly(2100, 12, 1);
        var viewer = Viewer.Of(User);
        var byPeriod = new SortedDictionary<string, Dictionary<string, ValueCell>>(StringComparer.Ordinal);
        await foreach (var v in ValuesQuery.ReadAsync(db, new ValuesFilter(from, to, type, [id]), ct))
        {
            var target = TargetStore.InForce(targets, id, Periods.Start(v.Period));
            if (!byPeriod.TryGetValue(v.Period, out var cells)) byPeriod[v.Period] = cells = [];
            cells[v.Area] = ValueCell.Of(v, indicator, viewer, disclosure, target);
        }
        foreach (var (period, cells) in byPeriod.Reverse()) Rows.Add((period, cells));
        return Page();
    }

    private static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;
}
