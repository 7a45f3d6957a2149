namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// Cells that are shown or hidden together: a ratio's numerator and denominator (a hidden value's numerator and
/// denominator are published nowhere), and through shared cells every indicator that uses them. A union-find.
/// </summary>
public sealed class CellGroups
{
    private readonly List<int> _parent = [];

    public void Add() => _parent.Add(_parent.Count);

    public int Root(int cell)
    {
        while (_parent[cell] != cell) cell = _parent[cell] = _parent[_parent[cell]];
        return cell;
    }

    public void Join(int a, int b)
    {
        var (ra, rb) = (Root(a), Root(b));
        if (ra != rb) _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }

    public ILookup<int, int> Members() => Enumerable.Range(0, _parent.Count).ToLookup(Root);
}
