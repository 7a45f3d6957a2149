using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace Omtanke.Core.Import;

/// <summary>A file read as a header and rows of cells, one row at a time.</summary>
public interface ITableReader : IDisposable
{
    /// <summary>How the file was read, for the delivery record (e.g. "csv windows-1252 ;").</summary>
    string Format { get; }
    IReadOnlyList<string> Header { get; }
    /// <summary>"rad" numbers as a person finds them: the CSV line, or the Excel row.</summary>
    int Line { get; }
    /// <summary>Moves to the next row that is not empty.</summary>
    bool Read();
    /// <summary>The cell, or null when the row has no such cell.</summary>
    object? Cell(int index);
}

/// <summary>A file that cannot be read as a table at all: the whole file is refused.</summary>
public sealed class UnreadableFileException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}

public static class TableReader
{
    public static ITableReader Open(string path, FileFingerprint fingerprint) => fingerprint.Kind switch
    {
        FileKind.Text => CsvTableReader.Open(path, fingerprint.Encoding),
        FileKind.Binary => throw new UnreadableFileException(
            "Filen är varken en textfil (CSV) eller en Excel-arbetsbok (.xlsx, .xls). " +
            "Spara extraktet som CSV (UTF-8 eller Windows-1252) eller som Excel-arbetsbok och importera det igen."),
        _ => new ExcelTableReader(path, fingerprint.Kind),
    };
}

public sealed class CsvTableReader : ITableReader
{
    private static readonly char[] Delimiters = [';', ',', '\t'];
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private string[] _record = [];

    private CsvTableReader(StreamReader text, char delimiter, string encodingName)
    {
        _text = text;
        _parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            IgnoreBlankLines = true,
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
            DetectColumnCountChanges = false,
        });
        Format = $"csv {encodingName} {(delimiter == '\t' ? "tab" : delimiter.ToString())}";
        if (!ReadRecord())
            throw new UnreadableFileException("Filen är tom: den första raden ska vara en rubrikrad med kolumnnamn.");
        Header = _record;
    }

    public static CsvTableReader Open(string path, Encoding encoding)
    {
        var name = encoding.CodePage == 1252 ? "windows-1252" : "utf-8";
        // A UTF-8 byte order mark is not part of the first column's name (nor of its quotes): read with an
        // encoding whose preamble StreamReader skips when present.
        if (encoding.CodePage == Encoding.UTF8.CodePage) encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var delimiter = DetectDelimiter(path, encoding);
        var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        return new CsvTableReader(text, delimiter, name);
    }

    public string Format { get; }
    public IReadOnlyList<string> Header { get; }
    public int Line { get; private set; }

    public bool Read()
    {
        while (ReadRecord())
            if (_record.Any(f => !string.IsNullOrWhiteSpace(f))) return true;
        return false;
    }

    public object? Cell(int index) => index < _record.Length ? _record[index] : null;

    private bool ReadRecord()
    {
        try
        {
            if (!_parser.Read()) return false;
            _record = _parser.Record ?? [];
            // RawRow is the line the record ends on; a quoted field with line breaks makes it start earlier.
            Line = _parser.RawRow - _record.Sum(f => f.AsSpan().Count('\n'));
            return true;
        }
        catch (CsvHelperException e)
        {
            throw new UnreadableFileException("Filen kan inte läsas som CSV: " + e.Message.Split('\n')[0],
                e.Context?.Parser?.RawRow);
        }
    }

    /// <summary>The delimiter is the one of ; , TAB that occurs most often, outside quotes, in the header line.</summary>
    private static char DetectDelimiter(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false);
        string? line;
        while ((line = reader.ReadLine()) is not null && string.IsNullOrWhiteSpace(line)) { }
        if (line is null) return ';';
        var counts = new int[Delimiters.Length];
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && Array.IndexOf(Delimiters, c) is var i and >= 0) counts[i]++;
        }
        var best = Array.IndexOf(counts, counts.Max());
        return Delimiters[best];
    }

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }
}

/// <summary>The first worksheet of an .xlsx or .xls file, row 1 being the header.</summary>
public sealed class ExcelTableReader : ITableReader
{
    private readonly FileStream _stream;
    private readonly IExcelDataReader _reader;

    static ExcelTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ExcelTableReader(string path, FileKind kind)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            _reader = kind == FileKind.Xls ? ExcelReaderFactory.CreateBinaryReader(_stream)
                : ExcelReaderFactory.CreateOpenXmlReader(_stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _stream.Dispose();
            throw new UnreadableFileException("Filen kan inte läsas som Excel-arbetsbok: " + e.Message);
        }
        Format = kind == FileKind.Xls ? "xls" : "xlsx";
        if (!Read())
            throw new UnreadableFileException("Första kalkylbladet är tomt: rad 1 ska vara en rubrikrad med kolumnnamn.");
        Header = Enumerable.Range(0, _reader.FieldCount).Select(i => ColumnType.CellText(_reader.GetValue(i) ?? "")).ToList();
    }

    public string Format { get; }
    public IReadOnlyList<string> Header { get; }
    public int Line { get; private set; }

    public bool Read()
    {
        while (_reader.Read())
        {
            Line++;
            for (var i = 0; i < _reader.FieldCount; i++)
                if (!ColumnType.IsEmpty(_reader.GetValue(i))) return true;
        }
        return false;
    }

    public object? Cell(int index) => index < _reader.FieldCount ? _reader.GetValue(index) : null;

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
