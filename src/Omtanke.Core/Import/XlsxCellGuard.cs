using System.IO.Compression;
using System.Xml;

namespace Omtanke.Core.Import;

/// <summary>
/// Finds the cells of an .xlsx workbook's first worksheet that are longer than <see cref="TableReader.MaxCellChars"/>,
/// reading the workbook's XML as a stream and measuring each text in chunks. ExcelDataReader reads the shared strings
/// whole when it opens a workbook, and each cell's text whole when it reads a row: a 2.7 MB workbook whose one cell
/// unpacks to 400 MB took gigabytes before any check could see the cell. A workbook with such cells is refused with a
/// row error for each, before ExcelDataReader opens it; one that is not a workbook this can follow is left to it.
/// </summary>
public static class XlsxCellGuard
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Throws the row errors of the overlong cells, if any.</summary>
    public static void Check(string path)
    {
        List<ImportError> errors = [];
        var count = 0;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (FirstSheet(zip) is not { } sheet) return;
            var longShared = zip.GetEntry("xl/sharedStrings.xml") is { } shared ? LongSharedStrings(shared) : [];
            foreach (var error in LongCells(sheet, longShared))
            {
                if (errors.Count < Importer.MaxReportedErrors) errors.Add(error);
                count++;
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return;
        }
        if (count > 0) throw new UnreadableFileException(errors, count);
    }

    /// <summary>The first worksheet in the workbook's order, as ExcelDataReader reads it: workbook.xml names it, its relationship locates it.</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels) return null;
        string? id = null;
        using (var reader = XmlReader.Create(workbook.Open()))
            while (id is null && reader.Read())
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" })
                    id = reader.GetAttribute("id", RelationshipsNamespace);
        if (id is null) return null;
        using (var reader = XmlReader.Create(rels.Open()))
            while (reader.Read())
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && reader.GetAttribute("Id") == id
                    && reader.GetAttribute("Target") is { } target)
                    return zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
        return null;
    }

    /// <summary>The indexes of the shared strings longer than the limit, each string's text runs counted together.</summary>
    private static HashSet<int> LongSharedStrings(ZipArchiveEntry entry)
    {
        var found = new HashSet<int>();
        using var reader = XmlReader.Create(entry.Open());
        var index = -1;
        long length = 0;
        while (reader.Read())
        {
            if (reader.NamespaceURI != MainNamespace && reader.NodeType is XmlNodeType.Element or XmlNodeType.EndElement) continue;
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "si" })
            {
                index++;
                length = 0;
            }
            else if (reader is { NodeType: XmlNodeType.Element, LocalName: "t" } && !reader.IsEmptyElement)
                length += TextLength(reader);
            else if (reader is { NodeType: XmlNodeType.EndElement, LocalName: "si" } && length > TableReader.MaxCellChars)
                found.Add(index);
        }
        return found;
    }

    private static IEnumerable<ImportError> LongCells(ZipArchiveEntry sheet, HashSet<int> longShared)
    {
        using var reader = XmlReader.Create(sheet.Open());
        var (row, column) = (0, -1);
        string? type = null;
        long length = 0;
        while (reader.Read())
        {
            if (reader.NodeType is not (XmlNodeType.Element or XmlNodeType.EndElement) || reader.NamespaceURI != MainNamespace) continue;
            switch (reader.LocalName)
            {
                case "row" when reader.NodeType == XmlNodeType.Element:
                    row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                    column = -1;
                    break;
                case "c" when reader.NodeType == XmlNodeType.Element:
                    column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                    type = reader.GetAttribute("t");
                    length = 0;
                    if (reader.IsEmptyElement) continue;
                    break;
                case "v" when reader.NodeType == XmlNodeType.Element && type == "s" && !reader.IsEmptyElement:
                    var index = new System.Text.StringBuilder();
                    if (TextLength(reader, index) <= 10 && int.TryParse(index.ToString(), out var shared) && longShared.Contains(shared))
                        length = TableReader.MaxCellChars + 1L;
                    break;
                case "v" or "t" when reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement:
                    length += TextLength(reader);
                    break;
                case "c" when reader.NodeType == XmlNodeType.EndElement && length > TableReader.MaxCellChars:
                    yield return new ImportError(row, ExcelTableReader.ColumnLetters(column), null,
                        $"Cellen är längre än {TableReader.MaxCellChars} tecken; ett värde får vara högst så långt. Korta " +
                        "av cellen (eller rätta exporten som lagt text från flera fält i den) och importera filen igen.");
                    break;
            }
        }
    }

    /// <summary>
    /// The length of the element's text, read a chunk at a time, and its first chunk kept in <paramref name="start"/> if
    /// given; the reader is left on the element's end.
    /// </summary>
    private static long TextLength(XmlReader reader, System.Text.StringBuilder? start = null)
    {
        var chunk = new char[4096];
        long length = 0;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                continue;
            int read;
            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (length == 0) start?.Append(chunk, 0, read);
                length += read;
            }
        }
        return length;
    }

    /// <summary>The zero-based column of a cell reference such as "C5"; null without one.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            column = column * 26 + (c - 'A' + 1);
        }
        return column == 0 ? null : column - 1;
    }
}
