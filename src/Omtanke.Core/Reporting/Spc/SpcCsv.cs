using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Spc;

/// <summary>The CLI's <c>spc</c> CSV (CLI.md, "spc output"): one line per month of the series, oldest first.</summary>
public static class SpcCsv
{
    public const string Header = "period;value;status;judged;chart;centre;lower;upper;sigma_z;signal;few_crossings";

    /// <summary><paramref name="hiddenSymbol"/> gives the symbol that stands for a hidden point's value.</summary>
    public static IEnumerable<string> Lines(SpcResult result, Func<string, string?> hiddenSymbol)
    {
        var run = result.Kind == SpcChartKind.Run;
        var fewCrossings = result.FewCrossings is { } few ? Bool(few) : "";
        return result.Points.Select(p => string.Join(';',
            p.Label,
            p.Value is { } v ? Number(v) : hiddenSymbol(p.Label) ?? Disclosure.HiddenSymbol,
            p.Preliminary ? "preliminary" : "final",
            Bool(p.Judged),
            SpcChartKinds.Code(result.Kind),
            result.Centre is { } c ? Number(c) : "",
            !run && p.Judged && p.Lower is { } lower ? Number(lower) : "",
            !run && p.Judged && p.Upper is { } upper ? Number(upper) : "",
            !run && result.SigmaZ is { } sigmaZ ? Number(sigmaZ) : "",
            p.Judged ? SpcSignals.Code(p.Signal) : "",
            fewCrossings));
    }

    private static string Number(double x) => ValuesCsv.Number((decimal)x);

    private static string Bool(bool b) => b ? "true" : "false";
}
