using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Omtanke.Core.Samples;

/// <summary>Where the rows of one sample file go.</summary>
internal interface ITableSink : IDisposable
{
    int Rows { get; }
    void Write(object?[] row);
}

/// <summary>The columns a file has: the table's, less those the format omits, with its extra columns after the one they follow.</summary>
internal sealed class FileColumns
{
    private readonly List<(string Header, CellKind Kind, Func<object?[], object?> Value)> _columns = [];

    public FileColumns(SampleTable table, SampleFormat format)
    {
        var extras = format.Extras.ToList();
        void AddExtrasAfter(string? column)
        {
            foreach (var extra in extras.Where(e => e.After == column).ToList())
            {
                _columns.Add((extra.Header, CellKind.Text, extra.Value));
                extras.Remove(extra);
            }
        }
        AddExtrasAfter(null);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var index = i;
            if (!format.Omit.Contains(column.Name))
                _columns.Add((format.HeaderText(column.Name), column.Kind, row => row[index]));
            AddExtrasAfter(column.Name);
        }
        if (extras.Count > 0) throw new ArgumentException($"Extra column {extras[0].Header} follows no column of {table.SourceId}.");
    }

    public int Count => _columns.Count;
    public string Header(int i) => _columns[i].Header;
    public CellKind Kind(int i) => _columns[i].Kind;
    public object? Value(int i, object?[] row) => _columns[i].Value(row);
}

/// <summary>Streams rows to a text writer as they come: memory does not grow with the file.</summary>
internal sealed class CsvSink : ITableSink
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly SampleFormat _format;
    private readonly FileColumns _columns;

    public CsvSink(TextWriter writer, SampleTable table, SampleFormat format, bool ownsWriter)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _format = format;
        _columns = new FileColumns(table, format);
        WriteLine(i => _columns.Header(i));
    }

    public int Rows { get; private set; }

    public void Write(object?[] row)
    {
        Rows++;
        WriteLine(i => _format.CellText(_columns.Value(i, row), _columns.Kind(i), Rows, i));
    }

    private void WriteLine(Func<int, string> cell)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0) _writer.Write(_format.Delimiter);
            _writer.Write(Quoted(cell(i)));
        }
        _writer.Write(_format.NewLine);
    }

    /// <summary>Quotes a field that holds the delimiter, a quote or a line break, doubling its quotes.</summary>
    private string Quoted(string text) =>
        text.IndexOfAny([_format.Delimiter, '"', '\r', '\n']) < 0 ? text : '"' + text.Replace("\"", "\"\"") + '"';

    public void Dispose()
    {
        if (_ownsWriter) _writer.Dispose();
        else _writer.Flush();
    }
}

/// <summary>
/// An Excel workbook with real number and date cells, saved when disposed. ClosedXML builds the whole
/// workbook in memory, so Excel is used only for the small deliveries; large sources are CSV.
/// </summary>
internal sealed class XlsxSink : ITableSink
{
    private readonly string _path;
    private readonly SampleFormat _format;
    private readonly FileColumns _columns;
    private readonly XLWorkbook _workbook = new();
    private readonly IXLWorksheet _sheet;

    public XlsxSink(string path, SampleTable table, SampleFormat format)
    {
        _path = path;
        _format = format;
        _columns = new FileColumns(table, format);
        _sheet = _workbook.Worksheets.Add("Data");
        for (var i = 0; i < _columns.Count; i++)
        {
            _sheet.Cell(1, i + 1).SetValue(_columns.Header(i));
            _sheet.Column(i + 1).Width = Math.Max(12, _columns.Header(i).Length + 2);
        }
        _sheet.Row(1).Style.Font.Bold = true;
        _sheet.SheetView.FreezeRows(1);
    }

    public int Rows { get; private set; }

    public void Write(object?[] row)
    {
        Rows++;
        for (var i = 0; i < _columns.Count; i++)
        {
            var cell = _sheet.Cell(Rows + 1, i + 1);
            var kind = _columns.Kind(i);
            switch (_columns.Value(i, row))
            {
                case null:
                    break;
                case int n:
                    cell.SetValue(n);
                    if (kind == CellKind.Count) cell.Style.NumberFormat.Format = "#,##0";
                    break;
                case decimal x:
                    cell.SetValue(x);
                    cell.Style.NumberFormat.Format = "0.00";
                    break;
                case DateOnly d when kind == CellKind.Month && !_format.MonthAsDate:
                    SetText(cell, _format.CellText(d, kind, Rows, i));
                    break;
                case DateOnly d:
                    cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                    cell.Style.DateFormat.Format = kind == CellKind.Month ? "yyyy-mm" : "yyyy-mm-dd";
                    break;
                case var value:
                    SetText(cell, _format.CellText(value, kind, Rows, i));
                    break;
            }
        }
    }

    /// <summary>Text stays text: a kommunkod like 0180 or a period like 2023-01 must not become a number or a date.</summary>
    private static void SetText(IXLCell cell, string text)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(text);
    }

    public void Dispose()
    {
        _workbook.Properties.Created = _workbook.Properties.Modified = FixedTime.UtcDateTime;
        _workbook.SaveAs(_path);
        _workbook.Dispose();
        MakeReproducible(_path);
    }

    private static readonly DateTimeOffset FixedTime = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private const string CorePropertiesPart = "package/services/metadata/core-properties/core.psmdcp";

    /// <summary>
    /// The package layer names the core-properties part and the package relationships with random GUIDs
    /// and stamps every entry with the current time; fixing those makes the bytes depend on the content
    /// only, so regenerated samples do not show up as changed.
    /// </summary>
    private static void MakeReproducible(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var properties = zip.Entries.Single(e => e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal));
        var propertiesName = "/" + properties.FullName;
        Rewrite(zip, properties.FullName, CorePropertiesPart, text => text);
        var id = 0;
        Rewrite(zip, "_rels/.rels", "_rels/.rels", text => Regex.Replace(text.Replace(propertiesName, "/" + CorePropertiesPart),
            "Id=\"R[0-9a-f]+\"", _ => $"Id=\"R{++id}\""));
        foreach (var entry in zip.Entries) entry.LastWriteTime = FixedTime;
    }

    private static void Rewrite(ZipArchive zip, string from, string to, Func<string, string> change)
    {
        var entry = zip.GetEntry(from)!;
        string text;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) text = reader.ReadToEnd();
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(to).Open(), new UTF8Encoding(true));
        writer.Write(change(text));
    }
}
