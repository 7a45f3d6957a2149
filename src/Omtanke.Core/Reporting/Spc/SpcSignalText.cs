namespace Omtanke.Core.Reporting.Spc;

/// <summary>The SPC signals of points, in the words the reports use (explained on the Definitioner sheet).</summary>
public static class SpcSignalText
{
    public const string Above = "Över styrgräns";
    public const string Below = "Under styrgräns";
    public const string LongRun = "Lång serie";
    public const string FewCrossings = "Få korsningar";

    /// <summary>
    /// The signals of one point, and the series' too few crossings; none without SPC, without the point,
    /// or for a preliminary point, which is not judged (see <see cref="SpcPoint"/>).
    /// </summary>
    public static IReadOnlyList<string> At(SpcResult? result, string label) =>
        result?.Point(label) is { Preliminary: false } point ? [.. Of(point), .. SeriesSignals(result)] : [];

    /// <summary>
    /// The signals of the points of a period, such as a quarter's months, each with the months it
    /// occurred in, consecutive ones as a range: "Över styrgräns (feb–mars), Få korsningar". Preliminary
    /// months are not judged; a period of only preliminary months has no signals.
    /// </summary>
    public static string During(SpcResult? result, IEnumerable<DateOnly> months)
    {
        if (result is null) return "";
        var points = months.Select(m => (Month: m, Point: result.Point(Periods.Label(m))))
            .Where(p => p.Point is { Preliminary: false }).ToList();
        if (points.Count == 0) return "";
        var signals = new[] { Above, Below, LongRun }
            .Select(signal => (signal, months: points.Where(p => Of(p.Point!).Contains(signal)).Select(p => p.Month).ToList()))
            .Where(s => s.months.Count > 0)
            .Select(s => $"{s.signal} ({MonthRanges(s.months)})")
            .Concat(SeriesSignals(result));
        return string.Join(", ", signals);
    }

    /// <summary>"jan, mars" or "jan–mars": runs of consecutive months as ranges.</summary>
    private static string MonthRanges(IReadOnlyList<DateOnly> months)
    {
        static string Name(DateOnly month) => month.ToString("MMM", Periods.Swedish).TrimEnd('.');
        var ranges = new List<(DateOnly First, DateOnly Last)>();
        foreach (var month in months)
            if (ranges.Count > 0 && ranges[^1].Last.AddMonths(1) == month) ranges[^1] = (ranges[^1].First, month);
            else ranges.Add((month, month));
        return string.Join(", ", ranges.Select(r => r.First == r.Last ? Name(r.First) : $"{Name(r.First)}–{Name(r.Last)}"));
    }

    private static IEnumerable<string> Of(SpcPoint point)
    {
        if (point.AboveUpper) yield return Above;
        if (point.BelowLower) yield return Below;
        if (point.InLongRun) yield return LongRun;
    }

    private static IEnumerable<string> SeriesSignals(SpcResult result) => result.Runs.FewCrossings ? [FewCrossings] : [];
}
