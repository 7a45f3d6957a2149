namespace Omtanke.Core.Reporting.Spc;

/// <summary>The SPC signals of one point, in the words the report uses (explained on the Definitioner sheet).</summary>
public static class SpcSignalText
{
    public const string Above = "Över övre styrgräns";
    public const string Below = "Under nedre styrgräns";
    public const string LongRun = "Lång serie";
    public const string FewCrossings = "Få korsningar";

    public static IReadOnlyList<string> At(SpcResult? result, string label)
    {
        var point = result?.Point(label);
        if (point is null) return [];
        var signals = new List<string>();
        if (point.AboveUpper) signals.Add(Above);
        if (point.BelowLower) signals.Add(Below);
        if (point.InLongRun) signals.Add(LongRun);
        if (result!.Runs.FewCrossings) signals.Add(FewCrossings);
        return signals;
    }
}
