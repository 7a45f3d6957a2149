using Omtanke.Core.DisclosureControl;

namespace Omtanke.Tests.DisclosureControl;

/// <summary>The exact elimination behind audit disclosure: which unknowns of sums with known totals follow.</summary>
public sealed class DeterminedUnknownsTests
{
    private static IReadOnlySet<int> Solve(int unknowns, params (int, int)[][] equations) =>
        DeterminedUnknowns.Find(unknowns, equations);

    [Test]
    public void One_unknown_part_of_a_known_sum_is_determined() =>
        Assert.That(Solve(1, [(0, -1)]), Is.EquivalentTo(new[] { 0 }));

    [Test]
    public void Two_unknown_parts_of_one_sum_are_not() =>
        Assert.That(Solve(2, [(0, -1), (1, -1)]), Is.Empty);

    [Test]
    public void Four_cells_hidden_in_a_rectangle_of_a_table_with_its_margins_are_not_determined() =>
        // a + b, c + d (rows) and a + c, b + d (columns) known: a can be moved by t, b and c by −t, d by t.
        Assert.That(Solve(4, [(0, 1), (1, 1)], [(2, 1), (3, 1)], [(0, 1), (2, 1)], [(1, 1), (3, 1)]), Is.Empty);

    [Test]
    public void A_cell_that_joins_two_hidden_rectangles_is_determined_though_every_line_hides_two_or_more()
    {
        // Rectangles a b / c d and f g / h i; e stands in a's row and in f's column: every row and column holds at
        // least two hidden cells, yet (row a b e) + (row c d) − (column a c) − (column b d) = e.
        const int a = 0, b = 1, c = 2, d = 3, e = 4, f = 5, g = 6, h = 7, i = 8;
        var determined = Solve(9,
            [(a, 1), (b, 1), (e, 1)], [(c, 1), (d, 1)], [(a, 1), (c, 1)], [(b, 1), (d, 1)],
            [(f, 1), (g, 1)], [(h, 1), (i, 1)], [(e, 1), (f, 1), (h, 1)], [(g, 1), (i, 1)]);
        Assert.That(determined, Is.EquivalentTo(new[] { e }));
    }

    [Test]
    public void Elimination_is_exact_where_fractions_arise()
    {
        // 2x + 3y and x + y known: x and y follow (3 × the second − the first = x).
        Assert.That(Solve(2, [(0, 2), (1, 3)], [(0, 1), (1, 1)]), Is.EquivalentTo(new[] { 0, 1 }));
        // 2x + 4y and x + 2y known: the same equation twice, nothing follows.
        Assert.That(Solve(2, [(0, 2), (1, 4)], [(0, 1), (1, 2)]), Is.Empty);
    }
}
