using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Import;

/// <summary>
/// Whose data a file may hold: anything (the region's analysts, the inbox, the command line), or only one
/// municipality's own slices. A file supersedes exactly the (month, kommunkod) slices its rows fall in, so
/// refusing every row of another kommunkod is what keeps a municipality's delivery from replacing another
/// municipality's data, or the region's rows of residents of other counties.
/// </summary>
public sealed record ImportScope
{
    private ImportScope(string? kommunkod) => Kommunkod = kommunkod;

    public static ImportScope Everything { get; } = new((string?)null);

    public static ImportScope Municipality(string kommunkod) => Areas.IsMunicipality(kommunkod)
        ? new ImportScope(kommunkod)
        : throw new ArgumentException($"'{kommunkod}' är inte en av Hallands kommuner.", nameof(kommunkod));

    /// <summary>The one municipality the file may hold; null when it may hold any.</summary>
    public string? Kommunkod { get; }

    /// <summary>The sources this scope may deliver, in the catalogue's order.</summary>
    public IEnumerable<SourceDefinition> Sources => SourceCatalog.All.Where(Allows);

    public bool Allows(SourceDefinition source) => Kommunkod is null || source.MunicipalitiesDeliver;

    /// <summary>Why a file of this source may not be delivered at all in this scope, in Swedish; null when it may.</summary>
    public string? SourceRefusal(SourceDefinition source) =>
        Allows(source)
            ? null
            : $"Källan {source.Id} ({source.Title}) levereras av Region Halland för alla kommuner, så {Who} kan inte " +
              $"leverera den. Skicka filen till regionens analytiker, eller ladda upp en källa som kommunen själv " +
              $"levererar: {string.Join(", ", Sources.Select(s => s.Id))}.";

    /// <summary>The error of a row that belongs to another area than the scope's municipality; null when it is the scope's own.</summary>
    public ImportError? RowRefusal(SourceDefinition source, RowValues values, string area, int line)
    {
        if (Kommunkod is null || area == Kommunkod) return null;
        var belongs = Areas.IsMunicipality(area) ? $"{Areas.Name(area)} ({area})" : $"kommunkod {area}, utanför Halland";
        return new ImportError(line, AreaColumn(source, values, area), area,
            $"Du får bara leverera för {Who}. Raden gäller {belongs}: ta bort raden ur filen eller rätta kommunkoden, " +
            "och ladda upp filen igen.");
    }

    private string Who => $"{Areas.Name(Kommunkod!)} ({Kommunkod})";

    /// <summary>
    /// The column the row's area was read from: every source's area is the value of one of its kommunkod
    /// columns (for a deviation, the party that is not the region).
    /// </summary>
    private static string AreaColumn(SourceDefinition source, RowValues values, string area) =>
        source.Columns.Where((c, i) => c.Type is KommunkodType && values[i] as string == area).First().Name;
}
