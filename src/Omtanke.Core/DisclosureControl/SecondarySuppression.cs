namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// Which cells are hidden: the primary cells, then the secondary rule of INDICATORS.md over every relation until
/// nothing changes — where a relation has exactly one hidden cell, the smallest non-zero visible part is hidden too
/// (ties: lowest kommunkod, earliest period, category), or the total where no part qualifies. A municipality's user
/// knows its own values, so a pair hidden in one relation can leave the other one derivable for that user; the audit
/// finds such cells and each is covered by hiding one more cell of a relation it stands in, until no view can derive
/// any hidden cell.
/// </summary>
public sealed class SecondarySuppression
{
    private readonly DisclosureModel _model;
    private readonly HashSet<int> _hiddenGroups = [];
    private readonly IReadOnlyList<Relation> _ordered;
    private readonly ILookup<int, Relation> _relationsOf;
    private readonly Dictionary<Relation, int> _orderOf;
    private readonly ILookup<int, int> _members;
    private readonly Dictionary<string, int[]> _solved = [];

    private SecondarySuppression(DisclosureModel model)
    {
        _model = model;
        _ordered = model.Relations
            .OrderBy(r => model.Cells[r.Total], Cell.Canonical)
            .ThenBy(r => r.Parts.Count)
            .ThenBy(r => model.Cells[r.Parts[0]], Cell.Canonical)
            .ToList();
        _relationsOf = _ordered.SelectMany(r => r.Cells.Select(c => (Cell: c, Relation: r))).ToLookup(p => p.Cell, p => p.Relation);
        _orderOf = _ordered.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        _members = model.Groups.Members();
    }

    /// <summary>The hidden cells of the model, by id.</summary>
    public static IReadOnlySet<int> HiddenCells(DisclosureModel model)
    {
        var run = new SecondarySuppression(model);
        foreach (var cell in model.Cells.Where(c => c.Primary)) run.Hide(cell);
        do run.ApplyRuleUntilStable();
        while (run.CoverDerivableCells());
        return model.Cells.Where(run.IsHidden).Select(c => c.Id).ToHashSet();
    }

    private bool IsHidden(Cell cell) => _hiddenGroups.Contains(_model.Groups.Root(cell.Id));

    private void Hide(Cell cell) => _hiddenGroups.Add(_model.Groups.Root(cell.Id));

    /// <summary>
    /// The rule, for a reader and for each municipality's user of the relation's areas: a user knows its own cells, so
    /// for that user the relation's other cells must hold 0 or at least 2 hidden ones.
    /// </summary>
    private void ApplyRuleUntilStable()
    {
        // Relations wait in their order; hiding a cell brings back every relation of its group's cells.
        var pending = new SortedSet<int>(Enumerable.Range(0, _ordered.Count));
        while (pending.Count > 0)
        {
            var index = pending.Min;
            pending.Remove(index);
            if (PickFor(_ordered[index]) is not { } pick) continue;
            Hide(pick);
            foreach (var member in _members[_model.Groups.Root(pick.Id)])
                foreach (var related in _relationsOf[member]) pending.Add(_orderOf[related]);
        }
    }

    /// <summary>The cell the rule hides next in this relation, for the first view that would otherwise see exactly one hidden cell.</summary>
    private Cell? PickFor(Relation relation)
    {
        foreach (var view in ViewsOf(relation))
        {
            if (relation.Cells.Count(c => IsHidden(_model.Cells[c]) && !view.KnowsRaw(_model.Cells[c])) != 1) continue;
            var total = _model.Cells[relation.Total];
            if ((Smallest(relation.Parts.Select(p => _model.Cells[p]).Where(c => !IsHidden(c) && c.Value != 0 && !view.KnowsRaw(c)))
                    ?? (IsHidden(total) || view.KnowsRaw(total) ? null : total)) is { } pick)
                return pick;
        }
        return null;
    }

    private IEnumerable<DisclosureView> ViewsOf(Relation relation) =>
        DisclosureView.All.Where(v => v.OwnArea is null || relation.Cells.Any(c => _model.Cells[c].Area == v.OwnArea));

    /// <summary>
    /// Hides one more cell for each derivable one — the smallest visible cell the view does not know, from the relations
    /// nearest to it (its own, then those of the hidden cells they reach) — except beside a cell hidden in this round,
    /// which may already cover it; false when none is derivable.
    /// </summary>
    private bool CoverDerivableCells()
    {
        var hiddenNow = new HashSet<int>();
        foreach (var view in DisclosureView.All)
            foreach (var derivation in DisclosureAudit.Derivable(_model, IsHidden, view, _solved))
            {
                if (hiddenNow.Contains(derivation.Cell.Id)) continue;
                if (NearestOpenCell(derivation.Cell, view) is not { } pick) continue;
                Hide(pick);
                hiddenNow.Add(pick.Id);
            }
        return hiddenNow.Count > 0;
    }

    private Cell? NearestOpenCell(Cell derived, DisclosureView view)
    {
        var reached = new HashSet<int> { derived.Id };
        var frontier = new List<int> { derived.Id };
        while (frontier.Count > 0)
        {
            var related = frontier.SelectMany(c => _relationsOf[c]).Distinct().ToList();
            var open = related.SelectMany(r => r.Cells).Distinct().Select(i => _model.Cells[i])
                .Where(c => !IsHidden(c) && !view.KnowsRaw(c)).ToList();
            var parts = related.SelectMany(r => r.Parts).ToHashSet();
            if ((Smallest(open.Where(c => c.Value != 0 && parts.Contains(c.Id))) ?? Smallest(open.Where(c => c.Value != 0))
                    ?? Smallest(open)) is { } pick)
                return pick;
            frontier = related.SelectMany(r => r.Cells).Where(reached.Add).ToList();
        }
        return null;
    }

    private static Cell? Smallest(IEnumerable<Cell> cells) => cells
        .OrderBy(c => c.Value)
        .ThenBy(c => c.Area, StringComparer.Ordinal)
        .ThenBy(c => c.PeriodStart)
        .ThenBy(c => c.Key.Category, StringComparer.Ordinal)
        .ThenBy(c => c, Cell.Canonical)
        .FirstOrDefault();
}
