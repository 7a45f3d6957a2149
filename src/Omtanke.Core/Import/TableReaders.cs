using System.Buffers;
using System.Text;
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
    /// <summary>The cell's text when the cell is text (every CSV field); false for a typed or missing cell.</summary>
    bool TryText(int index, out ReadOnlySpan<char> text);
    /// <summary>
    /// Why the current row as a whole cannot be read as the header's columns (fields that do not line up with the
    /// header, a cell too long to be a value); null for a row whose cells may be parsed.
    /// </summary>
    ImportError? RowError { get; }
}

/// <summary>A file that cannot be read as a table at all: the whole file is refused with these errors.</summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException(string message, int? line = null) : base(message) =>
        (Errors, ErrorCount) = ([new ImportError(line, null, null, message)], 1);

    /// <summary>Errors found before any row could be read (the first <see cref="Importer.MaxReportedErrors"/>) and their count.</summary>
    public UnreadableFileException(IReadOnlyList<ImportError> errors, int count) : base(errors[0].ToString()) =>
        (Errors, ErrorCount) = (errors, count);

    public IReadOnlyList<ImportError> Errors { get; }
    public int ErrorCount { get; }
}

public static class TableReader
{
    /// <summary>EXTRACTS.md, Rows and cells: no value of any extract is longer; a longer cell is a row error.</summary>
    public const int MaxCellChars = 1000;

    /// <summary>The error of a cell longer than <see cref="MaxCellChars"/>, showing only its start.</summary>
    public static ImportError CellTooLong(int line, string column, ReadOnlySpan<char> start, long length) =>
        new(line, column, ImportError.Shown(start[..Math.Min(start.Length, 40)].ToString()) + "…",
            $"Cellen är {length} tecken lång; ett värde får vara högst {MaxCellChars} tecken. Korta av cellen (eller " +
            "rätta exporten som lagt text från flera fält i den) och importera filen igen.");

    public static ITableReader Open(string path, FileFingerprint fingerprint) => fingerprint.Kind switch
    {
        FileKind.Text when fingerprint.MixedEncoding => throw new UnreadableFileException(
            "Filen är varken giltig UTF-8 eller giltig Windows-1252: troligen är en del av texten UTF-8 och en del " +
            "Windows-1252 (till exempel å skrivet på båda sätten), så tecknen kan inte avkodas säkert. Spara om hela " +
            "filen i en kodning, UTF-8 eller Windows-1252, och importera den igen."),
        FileKind.Text => CsvTableReader.Open(path, fingerprint.Encoding),
        FileKind.Binary => throw new UnreadableFileException(
            "Filen är varken en textfil (CSV) eller en Excel-arbetsbok (.xlsx, .xls). " +
            "Spara extraktet som CSV (UTF-8 eller Windows-1252) eller som Excel-arbetsbok och importera det igen."),
        _ => new ExcelTableReader(path, fingerprint.Kind),
    };
}

/// <summary>
/// A CSV file read as RFC 4180 says: fields may be quoted with ", a quote inside quotes is written twice, and a
/// quoted field may hold the delimiter and line breaks. A quote inside an unquoted field, or after a closing
/// quote, is kept as text. Lines end with CRLF, LF or CR; empty lines are skipped. Each record's fields are
/// copied into one reused buffer, so a row costs no allocation: callers read a field as a span of it.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    /// <summary>
    /// No extract's row comes near this; a quote left open makes the rest of the file one field, which must
    /// neither fill the memory nor pass for a row.
    /// </summary>
    public const int MaxRecordChars = 1 << 20;
    private static readonly char[] Delimiters = [';', ',', '\t'];
    private readonly StreamReader _text;
    private readonly char _delimiter;
    private readonly SearchValues<char> _fieldEnds;
    private readonly char[] _input = new char[1 << 16];
    private int _position;
    private int _end;
    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _fieldEnd = new int[16];
    private int _fields;
    /// <summary>The line the next character is on.</summary>
    private int _nextLine = 1;

    private CsvTableReader(StreamReader text, char delimiter, string encodingName)
    {
        _text = text;
        _delimiter = delimiter;
        _fieldEnds = SearchValues.Create([delimiter, '\r', '\n']);
        Format = $"csv {encodingName} {(delimiter == '\t' ? "tab" : delimiter.ToString())}";
        if (!ReadRecord())
            throw new UnreadableFileException("Filen är tom: den första raden ska vara en rubrikrad med kolumnnamn.");
        Header = Enumerable.Range(0, _fields).Select(i => Field(i).ToString()).ToList();
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
        {
            if (_record.AsSpan(0, _recordLength).IsWhiteSpace()) continue;
            RowError = CheckRow();
            return true;
        }
        return false;
    }

    public ImportError? RowError { get; private set; }

    /// <summary>
    /// A row with more or fewer fields than the header cannot say which value belongs to which column: read by
    /// position, a field too many (a decimal comma in a comma-delimited file) moves every value after it one column on.
    /// </summary>
    private ImportError? CheckRow()
    {
        if (_fields != Header.Count)
            return new ImportError(Line, null, null,
                $"Raden har {_fields} fält men rubrikraden har {Header.Count}, så värdena kan inte föras till rätt kolumner. " +
                $"Kontrollera avgränsarna ({DelimiterName}) och citattecknen på raden, och importera filen igen.");
        for (var i = 0; i < _fields; i++)
            if (Field(i) is { Length: > TableReader.MaxCellChars } cell)
                return TableReader.CellTooLong(Line, Header[i], cell, cell.Length);
        return null;
    }

    private string DelimiterName => _delimiter switch { ';' => "semikolon", ',' => "komma", _ => "tabb" };

    public object? Cell(int index) => index < _fields ? Field(index).ToString() : null;

    public bool TryText(int index, out ReadOnlySpan<char> text)
    {
        text = index < _fields ? Field(index) : default;
        return index < _fields;
    }

    private ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : _fieldEnd[index - 1];
        return _record.AsSpan(start, _fieldEnd[index] - start);
    }

    /// <summary>The next record that is not an empty line; false at the end of the file.</summary>
    private bool ReadRecord()
    {
        _recordLength = 0;
        _fields = 0;
        int c;
        while ((c = Peek()) is '\r' or '\n') SkipLineBreak();
        if (c < 0) return false;
        Line = _nextLine;
        while (true)
        {
            if (Peek() == '"')
            {
                _position++;
                ReadQuoted();
            }
            ReadUnquoted();
            EndField();
            c = Peek();
            if (c == _delimiter)
            {
                _position++;
                continue;
            }
            if (c >= 0) SkipLineBreak();
            return true;
        }
    }

    /// <summary>Up to the delimiter or the end of the line; quotes here are text.</summary>
    private void ReadUnquoted()
    {
        while (Peek() >= 0)
        {
            var rest = _input.AsSpan(_position, _end - _position);
            var stop = rest.IndexOfAny(_fieldEnds);
            Append(stop < 0 ? rest : rest[..stop]);
            _position += stop < 0 ? rest.Length : stop;
            if (stop >= 0) return;
        }
    }

    /// <summary>After an opening quote: up to the closing one, a doubled quote being one quote of the text.</summary>
    private void ReadQuoted()
    {
        // A CR that ends one buffer's worth and the LF that starts the next are one line break.
        var endsWithCr = false;
        while (Peek() >= 0)
        {
            var rest = _input.AsSpan(_position, _end - _position);
            var quote = rest.IndexOf('"');
            var text = quote < 0 ? rest : rest[..quote];
            Append(text);
            _nextLine += text.Count('\n') + text.Count('\r') - text.Count("\r\n") - (endsWithCr && text.StartsWith('\n') ? 1 : 0);
            endsWithCr = quote < 0 && text.EndsWith('\r');
            _position += text.Length;
            if (quote < 0) continue;
            _position++;
            if (Peek() != '"') return;
            Append("\"");
            _position++;
        }
        throw new UnreadableFileException(
            $"Fält {_fields + 1} på rad {Line} börjar med citattecken (\") men citattecknet stängs aldrig, så resten av " +
            "filen blir ett enda fält. Lägg till det avslutande citattecknet (eller ta bort det inledande) och importera filen igen.",
            Line);
    }

    private void SkipLineBreak()
    {
        if (_input[_position++] == '\r' && Peek() == '\n') _position++;
        _nextLine++;
    }

    private int Peek()
    {
        if (_position < _end) return _input[_position];
        _position = 0;
        _end = _text.Read(_input, 0, _input.Length);
        return _end > 0 ? _input[0] : -1;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_recordLength + text.Length > MaxRecordChars)
            throw new UnreadableFileException(
                $"Raden som börjar på rad {Line} är längre än {MaxRecordChars:N0} tecken. Troligen stängs ett citattecken (\") " +
                "aldrig i ett fält på den raden: rätta citattecknen och importera filen igen.", Line);
        if (_recordLength + text.Length > _record.Length)
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + text.Length));
        text.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += text.Length;
    }

    private void EndField()
    {
        if (_fields == _fieldEnd.Length) Array.Resize(ref _fieldEnd, _fields * 2);
        _fieldEnd[_fields++] = _recordLength;
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
        if (kind == FileKind.Xlsx) XlsxCellGuard.Check(path);
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
            {
                if (ColumnType.IsEmpty(_reader.GetValue(i))) continue;
                RowError = CheckRow();
                return true;
            }
        }
        return false;
    }

    public ImportError? RowError { get; private set; }

    /// <summary>An .xls holds its text in memory already; an .xlsx's overlong cells were refused before it was opened.</summary>
    private ImportError? CheckRow()
    {
        for (var i = 0; i < _reader.FieldCount; i++)
            if (_reader.GetValue(i) is string { Length: > TableReader.MaxCellChars } cell)
                return TableReader.CellTooLong(Line, Header is { } header && i < header.Count ? header[i] : ColumnLetters(i), cell, cell.Length);
        return null;
    }

    /// <summary>"A" for the first column, "AA" for the 27th.</summary>
    public static string ColumnLetters(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetters(index / 26 - 1) + (char)('A' + index % 26);

    public object? Cell(int index) => index < _reader.FieldCount ? _reader.GetValue(index) : null;

    public bool TryText(int index, out ReadOnlySpan<char> text)
    {
        var cell = Cell(index) as string;
        text = cell;
        return cell is not null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
