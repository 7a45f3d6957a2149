namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// Which unknowns of a homogeneous linear system are uniquely determined: with the known values moved to the right-hand
/// side, an unknown follows from the published values exactly when its unit vector lies in the span of the equations'
/// rows. In reduced row echelon form that is a pivot whose row has no entry in a free column. Whether it is determined
/// does not depend on the right-hand side, so only the coefficients are kept.
/// </summary>
public static class DeterminedUnknowns
{
    /// <param name="unknowns">How many unknowns, numbered from 0.</param>
    /// <param name="equations">Each equation as (unknown, coefficient) pairs.</param>
    public static IReadOnlySet<int> Find(int unknowns, IReadOnlyList<IReadOnlyList<(int Unknown, int Coefficient)>> equations)
    {
        var rows = equations.Select(e =>
        {
            var row = new Dictionary<int, Rational>();
            foreach (var (unknown, coefficient) in e)
                row[unknown] = row.GetValueOrDefault(unknown, Rational.Zero) + coefficient;
            foreach (var zero in row.Where(p => p.Value.IsZero).Select(p => p.Key).ToList()) row.Remove(zero);
            return row;
        }).Where(r => r.Count > 0).ToList();

        var pivotRows = new List<(int Column, Dictionary<int, Rational> Row)>();
        for (var column = 0; column < unknowns && rows.Count > 0; column++)
        {
            var index = rows.FindIndex(r => r.ContainsKey(column));
            if (index < 0) continue;
            var pivot = rows[index];
            rows.RemoveAt(index);
            Scale(pivot, pivot[column]);
            foreach (var other in rows.Concat(pivotRows.Select(p => p.Row)))
                if (other.TryGetValue(column, out var factor)) Subtract(other, pivot, factor);
            rows.RemoveAll(r => r.Count == 0);
            pivotRows.Add((column, pivot));
        }
        // Every unknown that is no pivot is free; a pivot is determined when its row holds nothing else.
        return pivotRows.Where(p => p.Row.Count == 1).Select(p => p.Column).ToHashSet();
    }

    private static void Scale(Dictionary<int, Rational> row, Rational by)
    {
        foreach (var key in row.Keys.ToList()) row[key] = row[key] / by;
    }

    private static void Subtract(Dictionary<int, Rational> row, Dictionary<int, Rational> pivot, Rational factor)
    {
        foreach (var (key, value) in pivot)
        {
            var result = row.GetValueOrDefault(key, Rational.Zero) - factor * value;
            if (result.IsZero) row.Remove(key);
            else row[key] = result;
        }
    }
}
