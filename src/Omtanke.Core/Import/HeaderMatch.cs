using Omtanke.Core.Sources;

namespace Omtanke.Core.Import;

/// <summary>
/// Matches a file's header to a source's columns (case-insensitively, spaces as underscores), and
/// recognises the source from the header when the user did not name it.
/// </summary>
public sealed class HeaderMatch
{
    public SourceDefinition? Source { get; private init; }
    /// <summary>For each of the source's columns, its position in the file, or -1.</summary>
    public int[] Positions { get; private init; } = [];
    public List<ImportError> Errors { get; } = [];
    public List<string> Warnings { get; } = [];

    public static HeaderMatch Of(IReadOnlyList<string> rawHeader, SourceDefinition? named)
    {
        var header = rawHeader.Select(Names.Fold).ToList();
        var source = named ?? Detect(header) ?? NearlyComplete(header);
        if (source is null)
        {
            var match = new HeaderMatch();
            match.Errors.Add(new ImportError(1, null, null, UnknownSourceReason(header)));
            return match;
        }
        var result = new HeaderMatch
        {
            Source = source,
            Positions = source.Columns.Select(c => header.IndexOf(c.Name)).ToArray(),
        };
        foreach (var column in source.RequiredColumns.Where(c => !header.Contains(c.Name)))
            result.Errors.Add(new ImportError(1, column.Name, null,
                $"Obligatorisk kolumn saknas i rubrikraden. Källan {source.Id} kräver: {string.Join(", ", source.RequiredColumns.Select(c => c.Name))}."));
        foreach (var twice in header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1 && source.Columns.Any(c => c.Name == g.Key)))
            result.Errors.Add(new ImportError(1, twice.Key, null, "Kolumnen förekommer mer än en gång i rubrikraden."));
        var extra = rawHeader.Where((h, i) => h.Trim().Length > 0 && source.Columns.All(c => c.Name != header[i])).ToList();
        if (extra.Count > 0)
            result.Warnings.Add($"Okända kolumner ignorerades: {string.Join(", ", extra)}.");
        return result;
    }

    /// <summary>The source whose required columns are all present; the most specific one if several are.</summary>
    private static SourceDefinition? Detect(List<string> header) =>
        SourceCatalog.All
            .Where(s => s.RequiredColumns.All(c => header.Contains(c.Name)))
            .OrderByDescending(s => s.RequiredColumns.Count())
            .FirstOrDefault();

    /// <summary>
    /// A header that has most of one source's required columns is that source with columns missing: the
    /// user is better helped by "column X is missing" than by "unknown source".
    /// </summary>
    private static SourceDefinition? NearlyComplete(List<string> header)
    {
        var (source, missing) = Closest(header);
        return missing.Count <= 2 && source.RequiredColumns.Count() - missing.Count >= 3 ? source : null;
    }

    private static (SourceDefinition Source, List<string> Missing) Closest(List<string> header) =>
        SourceCatalog.All
            .Select(s => (Source: s, Missing: s.RequiredColumns.Where(c => !header.Contains(c.Name)).Select(c => c.Name).ToList()))
            .OrderBy(x => x.Missing.Count)
            .First();

    private static string UnknownSourceReason(List<string> header)
    {
        var closest = Closest(header);
        return "Källan kunde inte kännas igen från rubrikraden. " +
               $"Närmast är {closest.Source.Id}, som saknar kolumnerna {string.Join(", ", closest.Missing)}. " +
               "Kontrollera rubrikraden eller ange källan (--source).";
    }
}
