using Omtanke.Core.Indicators;

namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// Who reads the published outputs. A reader (läsare) knows every published cell; a municipality's user also knows
/// its own municipality's values unhidden (pages and API show them), and may combine them with everything published.
/// </summary>
public sealed record DisclosureView(string Name, string? OwnArea)
{
    public static IReadOnlyList<DisclosureView> All { get; } =
        [new("läsare", null), .. Areas.Municipalities.Keys.Select(k => new DisclosureView($"kommun {k}", k))];

    public bool KnowsRaw(Cell cell) => OwnArea is not null && cell.Area == OwnArea;
}

/// <summary>A hidden cell whose value follows from what a view can read.</summary>
public sealed record Derivation(DisclosureView View, Cell Cell);

public sealed record AuditResult(int HiddenCells, int Relations, IReadOnlyList<Derivation> Derivable, IReadOnlyList<Cell> PrimaryShown)
{
    public bool Holds => Derivable.Count == 0 && PrimaryShown.Count == 0;
}

/// <summary>
/// The guarantee of INDICATORS.md (Disclosure control), checked rather than assumed: for every view, with every cell
/// it can read known and every relation, no hidden cell's value is uniquely determined (exact elimination over the
/// rationals), and every primary cell is hidden.
/// </summary>
public static class DisclosureAudit
{
    public static AuditResult Check(DisclosureModel model, Func<Cell, bool> hidden)
    {
        var derivable = DisclosureView.All.SelectMany(view => Derivable(model, hidden, view)).ToList();
        return new AuditResult(model.Cells.Count(hidden), model.Relations.Count, derivable,
            model.Cells.Where(c => c.Primary && !hidden(c)).ToList());
    }

    /// <param name="solved">
    /// Determined cells by the connected set of unknowns they were found in: whether one is determined depends on that
    /// set alone, so a caller that hides cells one round at a time solves again only the sets that changed.
    /// </param>
    public static IEnumerable<Derivation> Derivable(DisclosureModel model, Func<Cell, bool> hidden, DisclosureView view,
        Dictionary<string, int[]>? solved = null)
    {
        var unknowns = model.Cells.Where(c => hidden(c) && !view.KnowsRaw(c)).ToList();
        if (unknowns.Count == 0) return [];
        var index = unknowns.Select((cell, i) => (cell.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var equations = model.Relations
            .Select(r => r.Cells.Where(index.ContainsKey).Select(c => (index[c], c == r.Total ? 1 : -1)).ToList())
            .Where(e => e.Count > 0)
            .ToList();
        // Unknowns that share no equation cannot inform each other: each connected set is solved on its own.
        var components = new CellGroups();
        foreach (var _ in unknowns) components.Add();
        foreach (var equation in equations)
            foreach (var (unknown, _) in equation.Skip(1)) components.Join(equation[0].Item1, unknown);
        return equations.GroupBy(e => components.Root(e[0].Item1))
            .SelectMany(component =>
            {
                var members = component.SelectMany(e => e.Select(p => p.Item1)).Distinct().Order().ToList();
                var key = string.Join(',', members.Select(m => unknowns[m].Id));
                if (solved?.TryGetValue(key, out var known) == true) return known;
                var local = members.Select((unknown, i) => (unknown, i)).ToDictionary(p => p.unknown, p => p.i);
                var rows = component.Select(e => e.Select(p => (local[p.Item1], p.Item2)).ToList()).ToList<IReadOnlyList<(int, int)>>();
                var determined = DeterminedUnknowns.Find(members.Count, rows).Select(i => unknowns[members[i]].Id).ToArray();
                if (solved is not null) solved[key] = determined;
                return determined;
            })
            .Select(id => model.Cells[id])
            .Order(Cell.Canonical)
            .Select(cell => new Derivation(view, cell));
    }
}
