using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Extracts;
using Omtanke.Core.Sources;

namespace Omtanke.Core.DisclosureControl;

/// <summary>A row of <c>indicator_values</c> as the disclosure engine reads it.</summary>
public sealed record StoredValue(string Indicator, string Area, string PeriodType, string Period, DateOnly Start,
    decimal? Numerator, decimal? Denominator, bool Suppressed);

/// <summary>
/// Everything published as cells and the relations that bind them (INDICATORS.md, Disclosure control): the
/// person-based indicator values of every area and period, and the breakdowns of the municipal extracts. A snapshot
/// indicator's quarter and year are the cells of the month they take; indicators that count the same thing (the same
/// numerator or denominator text of the same source) share cells.
/// </summary>
public sealed class DisclosureModel
{
    private readonly Dictionary<CellKey, int> _byKey = [];
    private readonly Dictionary<(string Indicator, string Area, string Period), int[]> _valueCells = [];
    private readonly List<Relation> _relations = [];
    private readonly HashSet<string> _relationKeys = [];
    private readonly List<(BreakdownRow Row, int Measure, int[] Cells)> _breakdownCells = [];

    public List<Cell> Cells { get; } = [];
    public CellGroups Groups { get; } = new();
    public IReadOnlyList<Relation> Relations => _relations;

    /// <summary>The cells an indicator value publishes; none for an indicator that counts no persons.</summary>
    public IReadOnlyList<int> CellsOf(string indicator, string area, string period) =>
        _valueCells.GetValueOrDefault((indicator, area, period)) ?? [];

    /// <summary>Each measure of each breakdown row with the cells it publishes.</summary>
    public IReadOnlyList<(BreakdownRow Row, int Measure, int[] Cells)> BreakdownCells => _breakdownCells;

    public static DisclosureModel Of(IEnumerable<StoredValue> values, IEnumerable<BreakdownRow> breakdowns, DisclosureSettings settings)
    {
        var model = new DisclosureModel();
        var rows = values.Where(v => IndicatorCatalog.Find(v.Indicator)?.PersonBased == true).ToList();
        var months = rows.Where(v => v.PeriodType == "month").ToLookup(v => (v.Indicator, v.Area));
        foreach (var value in rows.OrderBy(v => v.PeriodType != "month"))
            model.AddValue(IndicatorCatalog.Find(value.Indicator)!, value, months, settings);
        foreach (var breakdown in breakdowns.GroupBy(b => (b.Breakdown, b.Kommun, b.PeriodStart)))
            model.AddBreakdown(BreakdownCatalog.All.Single(b => b.SheetName == breakdown.Key.Breakdown), breakdown.ToList(), settings);
        model.RelateAreasAndPeriods();
        return model;
    }

    private void AddValue(IndicatorDefinition indicator, StoredValue value,
        ILookup<(string, string), StoredValue> months, DisclosureSettings settings)
    {
        var (type, period, start) = (value.PeriodType, value.Period, value.Start);
        if (value.PeriodType != "month" && indicator.Aggregation == Aggregation.Snapshot)
        {
            var end = start.AddMonths(value.PeriodType == "quarter" ? 3 : 12);
            if (months[(value.Indicator, value.Area)].Where(m => m.Start >= start && m.Start < end).MaxBy(m => m.Start) is not { } taken)
                return;
            (type, period, start) = (taken.PeriodType, taken.Period, taken.Start);
        }
        var numerator = CellFor(new CellKey(NumeratorQuantity(indicator), value.Area, period), value.Numerator ?? 0, type, start);
        int[] cells = DenominatorQuantity(indicator) is { } quantity
            ? [numerator, CellFor(new CellKey(quantity, value.Area, period), value.Denominator ?? 0, type, start)]
            : [numerator];
        foreach (var cell in cells.Skip(1)) Groups.Join(numerator, cell);
        _valueCells[(value.Indicator, value.Area, value.Period)] = cells;
        if (IsPrimary(indicator, value, settings)) Cells[cells[^1]].Primary = true;
    }

    /// <summary>INDICATORS.md, Primary: a count of 1–4 persons; a ratio over fewer than 5, or of 1–4 over a population.</summary>
    private static bool IsPrimary(IndicatorDefinition indicator, StoredValue value, DisclosureSettings settings)
    {
        bool Small(decimal? x) => x is >= 1 && x < settings.Limit;
        return indicator.Kind == IndicatorKind.Count || indicator.PopulationColumn is not null
            ? Small(value.Numerator)
            : value.Denominator is > 0 && value.Denominator < settings.Limit;
    }

    /// <summary>
    /// One period of one municipality's breakdown: its rows' cells, the primary rule of the breakdowns (a group of fewer
    /// than the limit of its unit is hidden whole) and relation 4, the total row = Σ the groups, per measure.
    /// </summary>
    private void AddBreakdown(Breakdown breakdown, IReadOnlyList<BreakdownRow> rows, DisclosureSettings settings)
    {
        bool Small(decimal x) => x >= 1 && x < settings.Limit;
        var measures = breakdown.AllMeasures.ToList();
        var cellsOf = new Dictionary<BreakdownRow, int[][]>();
        foreach (var row in rows)
        {
            var category = row.IsTotal ? "" : Breakdown.Category(row.Groups);
            CellKey Key(string counts) => new(Quantity(breakdown.SourceId, counts), row.Kommun, row.Period, category);
            var cells = measures.Select((measure, i) =>
            {
                var (value, denominator) = (row.Measures[i].Value, row.Measures[i].Denominator ?? 0);
                int[] ids = measure switch
                {
                    CountMeasure count => [CellFor(Key(count.Counts), value, row.PeriodType, row.PeriodStart)],
                    RatioMeasure ratio => [CellFor(Key(ratio.NumeratorCounts), value, row.PeriodType, row.PeriodStart),
                        CellFor(Key(ratio.DenominatorCounts), denominator, row.PeriodType, row.PeriodStart)],
                    _ => throw new NotSupportedException(measure.GetType().Name),
                };
                foreach (var id in ids.Skip(1)) Groups.Join(ids[0], id);
                if (measure is CountMeasure ? Small(value) : denominator > 0 && denominator < settings.Limit) Cells[ids[^1]].Primary = true;
                _breakdownCells.Add((row, i, ids));
                return ids;
            }).ToArray();
            if (!row.IsTotal && Small(row.Measures[0].Value))
                foreach (var id in cells.SelectMany(c => c)) Cells[id].Primary = true;
            cellsOf[row] = cells;
        }
        if (rows.SingleOrDefault(r => r.IsTotal) is not { } total) return;
        for (var m = 0; m < measures.Count; m++)
            for (var position = 0; position < cellsOf[total][m].Length; position++)
                Relate(cellsOf[total][m][position], rows.Where(r => !r.IsTotal).Select(r => cellsOf[r][m][position]).ToList());
    }

    public static string Quantity(string sourceId, string counts) => $"{sourceId}: {counts}";

    public static string NumeratorQuantity(IndicatorDefinition indicator) => Quantity(indicator.SourceId, indicator.NumeratorText);

    /// <summary>A population is public, so it is no cell; a count has no denominator.</summary>
    public static string? DenominatorQuantity(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Ratio && indicator.PopulationColumn is null
            ? Quantity(indicator.SourceId, indicator.DenominatorText!)
            : null;

    /// <summary>The cell of a key, made on first use; two declarations of one cell must agree on its value.</summary>
    private int CellFor(CellKey key, decimal value, string periodType, DateOnly periodStart)
    {
        if (_byKey.TryGetValue(key, out var id))
        {
            if (Cells[id].Value != value)
                throw new InvalidOperationException(
                    $"{key} is declared twice with different values ({Cells[id].Value} and {value}): two indicators name the same quantity for different counts.");
            return id;
        }
        id = Cells.Count;
        Cells.Add(new Cell(id, key, value, periodType, periodStart));
        Groups.Add();
        _byKey[key] = id;
        return id;
    }

    /// <summary>Adds a relation once: a ratio's numerator can be a count of the same breakdown, relating the same cells.</summary>
    private void Relate(int total, IReadOnlyList<int> parts)
    {
        if (parts.Count > 0 && _relationKeys.Add($"{total}={string.Join('+', parts.Order())}"))
            _relations.Add(new Relation(total, parts));
    }

    /// <summary>Relations 1 and 2: region = Σ its municipalities; a flow quarter or year = Σ its months.</summary>
    private void RelateAreasAndPeriods()
    {
        var byPeriod = Cells.ToLookup(c => (c.Key.Quantity, c.Key.Period, c.Key.Category));
        foreach (var region in Cells.Where(c => c.Area == Areas.Region).ToList())
            Relate(region.Id, byPeriod[(region.Key.Quantity, region.Key.Period, region.Key.Category)]
                .Where(c => Areas.IsMunicipality(c.Area)).Select(c => c.Id).ToList());

        var monthsOf = Cells.Where(c => c.PeriodType == "month").ToLookup(c => (c.Key.Quantity, c.Area, c.Key.Category));
        foreach (var total in Cells.Where(c => c.PeriodType != "month").ToList())
        {
            var end = total.PeriodStart.AddMonths(total.PeriodType == "year" ? 12 : 3);
            Relate(total.Id, monthsOf[(total.Key.Quantity, total.Area, total.Key.Category)]
                .Where(m => m.PeriodStart >= total.PeriodStart && m.PeriodStart < end).Select(m => m.Id).ToList());
        }
    }
}
