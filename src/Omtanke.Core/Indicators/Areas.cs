namespace Omtanke.Core.Indicators;

/// <summary>The areas indicators are computed for: Halland's six municipalities and the region.</summary>
public static class Areas
{
    public const string Region = "13";

    public static IReadOnlyDictionary<string, string> Municipalities { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["1315"] = "Hylte",
        ["1380"] = "Halmstad",
        ["1381"] = "Laholm",
        ["1382"] = "Falkenberg",
        ["1383"] = "Varberg",
        ["1384"] = "Kungsbacka",
    };

    public static bool IsMunicipality(string code) => Municipalities.ContainsKey(code);

    public static string Name(string code) =>
        code == Region ? "Region Halland" : Municipalities.TryGetValue(code, out var name) ? name : code;

    /// <summary>For SQL: the six kommunkoder as an array literal.</summary>
    public static string SqlArray => "ARRAY['" + string.Join("','", Municipalities.Keys) + "']";
}
