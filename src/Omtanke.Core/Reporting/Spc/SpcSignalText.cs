namespace Omtanke.Core.Reporting.Spc;

/// <summary>How a month is judged, in the reports' words: whether it is judged at all, its signal and the reasons.</summary>
public sealed record SpcVerdict(bool Judged, SpcSignal Signal, IReadOnlyList<string> Reasons)
{
    public string Text => !Judged ? SpcSignalText.NotJudged : string.Join(", ", Reasons);

    /// <summary>How every output colours it: improvement, concern, neither (a side, or few crossings), not judged; none without a signal.</summary>
    public SpcTone Tone => !Judged ? SpcTone.NotJudged
        : Signal == SpcSignal.Improvement ? SpcTone.Improvement
        : Signal == SpcSignal.Concern ? SpcTone.Concern
        : Reasons.Count > 0 ? SpcTone.Neutral
        : SpcTone.None;
}

public enum SpcTone { None, Improvement, Concern, Neutral, NotJudged }

/// <summary>The SPC signals of points, in the words the reports use (explained on the Definitioner sheet).</summary>
public static class SpcSignalText
{
    public const string Improvement = "Förbättring";
    public const string Concern = "Försämring";
    public const string Above = "Över mittlinjen";
    public const string Below = "Under mittlinjen";
    public const string OutsideLimit = "utanför styrgräns";
    public const string LongRun = "lång serie";
    public const string FewCrossings = "Få korsningar";
    public const string NotJudged = "Ej bedömd";

    public static string Word(SpcSignal signal) => signal switch
    {
        SpcSignal.Improvement => Improvement,
        SpcSignal.Concern => Concern,
        SpcSignal.Above => Above,
        SpcSignal.Below => Below,
        _ => "",
    };

    /// <summary>
    /// The verdict on one month, null where the series has no value for it. A month that is not judged
    /// (preliminary, hidden, or in a series of too few judged months) says so rather than staying blank,
    /// which would read as "no signal".
    /// </summary>
    public static SpcVerdict? At(SpcResult result, string label) =>
        result.Point(label) is not { } point ? null
        : !point.Judged ? new SpcVerdict(false, SpcSignal.None, [])
        : new SpcVerdict(true, point.Signal, [.. PointText(point), .. SeriesSignals(result)]);

    /// <summary>
    /// The signals of the months of a period, such as a quarter's, each with the months it occurred in,
    /// consecutive ones as a range: "Försämring (utanför styrgräns) (feb–mars), Få korsningar"; not judged
    /// where none of its months is, null where none has a value.
    /// </summary>
    public static SpcVerdict? During(SpcResult result, IEnumerable<DateOnly> months)
    {
        var points = months.Select(m => (Month: m, Point: result.Point(Periods.Label(m)))).Where(p => p.Point is not null).ToList();
        if (points.Count == 0) return null;
        var judged = points.Where(p => p.Point!.Judged).ToList();
        if (judged.Count == 0) return new SpcVerdict(false, SpcSignal.None, []);
        var signalling = judged.Where(p => p.Point!.IsSignal).ToList();
        var reasons = signalling
            .GroupBy(p => PointText(p.Point!).Single())
            .Select(g => $"{g.Key} ({MonthRanges(g.Select(p => p.Month).ToList())})")
            .Concat(SeriesSignals(result))
            .ToList();
        // A quarter with both is marked by its concern: the one the meeting must not miss.
        var signal = signalling.Select(p => p.Point!.Signal).OrderBy(s => s == SpcSignal.Concern ? 0 : 1).FirstOrDefault();
        return new SpcVerdict(true, signal, reasons);
    }

    /// <summary>"Försämring (utanför styrgräns, lång serie)": the point's signal and why; nothing without one.</summary>
    private static IEnumerable<string> PointText(SpcPoint point)
    {
        if (!point.IsSignal) yield break;
        var reasons = new[] { point.OutsideLimits ? OutsideLimit : null, point.InLongRun ? LongRun : null }.OfType<string>();
        yield return $"{Word(point.Signal)} ({string.Join(", ", reasons)})";
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

    private static IEnumerable<string> SeriesSignals(SpcResult result) => result.FewCrossings == true ? [FewCrossings] : [];
}
