using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Extracts;

/// <summary>
/// Disclosure control of a breakdown, period by period: each month, or the whole period of a
/// whole-period breakdown (the groups of a period add up to the municipality's figure for it):
/// <list type="number">
/// <item>a group with fewer than the limit of its unit (stays) is hidden whole: every measure of it describes those few;</item>
/// <item>any other count between 1 and the limit is hidden;</item>
/// <item>where a month has exactly one hidden group, or a measure exactly one hidden count, the smallest
/// visible one is hidden too, so that no hidden value follows from the month's total (as the indicator
/// engine's secondary rule does for municipalities);</item>
/// <item>a ratio is hidden with its group, or where its denominator is below the limit.</item>
/// </list>
/// Hidden counts between 1 and the limit show as &lt;5, other hidden values as ..
/// </summary>
public static class BreakdownDisclosure
{
    public static IReadOnlyList<PublishedValue[]> Publish(Breakdown breakdown, IReadOnlyList<BreakdownRow> rows, DisclosureSettings settings)
    {
        var measures = breakdown.AllMeasures.ToList();
        var published = new PublishedValue[rows.Count][];
        foreach (var month in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Month))
        {
            var index = month.ToList();
            bool Small(decimal value) => value >= 1 && value < settings.Limit;

            var groupHidden = index.Where(i => Small(rows[i].Measures[0].Value)).ToHashSet();
            HideSmallestIfAlone(groupHidden, index, i => rows[i].Measures[0].Value);

            foreach (var i in index) published[i] = new PublishedValue[measures.Count];
            for (var m = 0; m < measures.Count; m++)
            {
                if (measures[m] is RatioMeasure ratio)
                {
                    foreach (var i in index)
                    {
                        var (numerator, denominator) = rows[i].Measures[m];
                        published[i][m] = groupHidden.Contains(i) && denominator > 0
                            ? PublishedValue.Hidden(Disclosure.HiddenSymbol)
                            : Disclosure.PublishRatio(denominator > 0 ? ratio.Factor * numerator / denominator : null, denominator, settings);
                    }
                    continue;
                }
                var measure = m;
                var hidden = index.Where(i => groupHidden.Contains(i) || Small(rows[i].Measures[measure].Value)).ToHashSet();
                HideSmallestIfAlone(hidden, index, i => rows[i].Measures[measure].Value);
                foreach (var i in index)
                {
                    var value = rows[i].Measures[m].Value;
                    published[i][m] = !hidden.Contains(i) ? PublishedValue.Shown(value)
                        : PublishedValue.Hidden(Small(value) ? Disclosure.SmallCountSymbol(settings) : Disclosure.HiddenSymbol);
                }
            }
        }
        return published;
    }

    /// <summary>Where exactly one of a month's values is hidden, hides the smallest visible one too (ties: the first).</summary>
    private static void HideSmallestIfAlone(HashSet<int> hidden, IReadOnlyList<int> index, Func<int, decimal> value)
    {
        if (hidden.Count != 1) return;
        var smallest = index.Where(i => !hidden.Contains(i)).OrderBy(value).Take(1);
        hidden.UnionWith(smallest);
    }
}
