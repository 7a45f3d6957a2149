namespace Omtanke.Core.Reporting.Spc;

/// <summary>The SPC signals of points, in the words the reports use (explained on the Definitioner sheet).</summary>
public static class SpcSignalText
{
    public const string Above = "Över styrgräns";
    public const string Below = "Under styrgräns";
    public const string LongRun = "Lång serie";
    public const string FewCrossings = "Få korsningar";

    /// <summary>The signals of one point, and the series' too few crossings; none without SPC or without the point.</summary>
    public static IReadOnlyList<string> At(SpcResult? result, string label) =>
        result?.Point(label) is { } point ? [.. Of(point), .. SeriesSignals(result)] : [];

    /// <summary>
    /// The signals of the points of a period, such as a quarter's months, each with the months it
    /// occurred in: "Över styrgräns (feb, mars), Få korsningar".
    /// </summary>
    public static string During(SpcResult? result, IEnumerable<DateOnly> months)
    {
        if (result is null) return "";
        var points = months.Select(m => (Month: m, Point: result.Point(Periods.Label(m)))).Where(p => p.Point is not null).ToList();
        if (points.Count == 0) return "";
        var signals = new[] { Above, Below, LongRun }
            .Select(signal => (signal, months: points.Where(p => Of(p.Point!).Contains(signal)).Select(p => p.Month.ToString("MMM", Periods.Swedish).TrimEnd('.')).ToList()))
            .Where(s => s.months.Count > 0)
            .Select(s => $"{s.signal} ({string.Join(", ", s.months)})")
            .Concat(SeriesSignals(result));
        return string.Join(", ", signals);
    }

    private static IEnumerable<string> Of(SpcPoint point)
    {
        if (point.AboveUpper) yield return Above;
        if (point.BelowLower) yield return Below;
        if (point.InLongRun) yield return LongRun;
    }

    private static IEnumerable<string> SeriesSignals(SpcResult result) => result.Runs.FewCrossings ? [FewCrossings] : [];
}
