using System.Text;

namespace Omtanke.Tests.Import;

/// <summary>A CSV file as a header and rows of cells, read and written independently of the importer's reader.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file as EXTRACTS.md describes it: UTF-8 (a BOM skipped) or else Windows-1252, the delimiter the header line
    /// holds most of, RFC 4180 quotes, blank lines skipped. Null for a file that is no table (a quote never closed).
    /// </summary>
    public static CsvTable? Read(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
            if (text.StartsWith('\uFEFF')) text = text[1..];
        }
        catch (DecoderFallbackException)
        {
            text = TempFolder.Windows1252.GetString(bytes);
        }
        var firstLine = text.Split('\n', '\r').FirstOrDefault(l => l.Trim().Length > 0);
        if (firstLine is null) return null;
        var delimiter = new[] { ';', ',', '\t' }.MaxBy(d => firstLine.Count(c => c == d));
        var records = Records(text, delimiter);
        if (records is null) return null;
        var rows = records.Where(r => r.Any(f => f.Trim().Length > 0)).ToList();
        return rows.Count == 0 ? null : new CsvTable(rows[0], rows.Skip(1).ToList());
    }

    private static List<string[]>? Records(string text, char delimiter)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (field.Length == 0 && text[i] == '"')
            {
                var close = i + 1;
                while (true)
                {
                    if (close >= text.Length) return null;
                    if (text[close] == '"' && close + 1 < text.Length && text[close + 1] == '"')
                    {
                        field.Append('"');
                        close += 2;
                    }
                    else if (text[close] == '"') break;
                    else field.Append(text[close++]);
                }
                i = close + 1;
                continue;
            }
            var c = text[i];
            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }

    /// <summary>Written cleanly: UTF-8 without BOM, ';', every field quoted, LF line ends.</summary>
    public byte[] Clean() => TempFolder.Utf8.GetBytes(Write(';', "\n", quoteAll: true));

    public string Write(char delimiter, string newline, bool quoteAll)
    {
        var sb = new StringBuilder();
        foreach (var record in new[] { Header.ToArray() }.Concat(Rows))
            sb.Append(string.Join(delimiter, record.Select(f => Quote(f, delimiter, quoteAll)))).Append(newline);
        return sb.ToString();
    }

    private static string Quote(string field, char delimiter, bool always) =>
        always || field.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 || field.StartsWith(' ') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}

/// <summary>
/// A file made from a sample extract by one mutation, with the rows it holds when that is known: the rows the
/// mutation meant (the same rows in another dialect or encoding, a changed cell, a field added), or for a mutation of
/// raw bytes the rows <see cref="CsvTable.Read"/> finds. Null rows: the file is no table at all.
/// </summary>
public sealed record FuzzMutant(string Mutation, byte[] Bytes, CsvTable? Rows)
{
    private static readonly string[] NastyCells =
    [
        "", " ", "0001-01-01", "9999-12-31", "1989-12-31", "2023-07-05T10:00", "2024-02-30", "2024-13", "0001-01", "9999-12",
        "-1", "2147483648", "99999999999999999999", "1,5", "1.5", "NaN", "∞", "1e3", "0x10", "13", "13800", "region",
        "Vårdcentralen Veddige", "VÃ¥rdcentralen", "\"", "a;b", "a,b", "x\ny", "\u0000", "\uFEFF1380", "19400101-1234",
        new string('x', 1000), new string('x', 1001), new string('å', 5000),
    ];

    private static readonly string[] DelimiterAndBreak = [";", ",", "\t", "\n", "\r", "\"", "\r\n"];

    public static FuzzMutant Make(string seedName, CsvTable seed, Random random)
    {
        var rows = seed.Rows.Select(r => r.ToArray()).ToList();
        var header = seed.Header.ToList();
        FuzzMutant Model(string mutation, List<string> h, List<string[]> r, Func<CsvTable, byte[]> write)
        {
            var table = new CsvTable(h, r);
            return new FuzzMutant($"{seedName}: {mutation}", write(table), table);
        }
        FuzzMutant Bytes(string mutation, byte[] bytes) => new($"{seedName}: {mutation}", bytes, CsvTable.Read(bytes));
        byte[] Utf8(CsvTable t) => TempFolder.Utf8.GetBytes(t.Write(';', "\n", quoteAll: false));
        var clean = seed.Clean();
        var (row, column) = (random.Next(rows.Count), random.Next(header.Count));

        switch (random.Next(17))
        {
            case 16:
                // A careless Swedish export: decimal commas, comma-delimited, and no field quoted.
                foreach (var r in rows)
                    for (var c = 0; c < r.Length; c++)
                        if (System.Text.RegularExpressions.Regex.IsMatch(r[c], @"^\d+\.\d+$")) r[c] = r[c].Replace('.', ',');
                return Model("decimal commas, comma-delimited, nothing quoted", header, rows,
                    t => TempFolder.Utf8.GetBytes(string.Concat(new[] { t.Header.ToArray() }.Concat(t.Rows).Select(r => string.Join(',', r) + "\n"))));
            case 0:
                return Model("Windows-1252, CRLF", header, rows, t => TempFolder.Windows1252.GetBytes(t.Write(';', "\r\n", quoteAll: false)));
            case 1:
                return Model("UTF-8 with BOM, tab-delimited, CR", header, rows,
                    t => [.. TempFolder.Utf8WithBom.GetPreamble(), .. TempFolder.Utf8.GetBytes(t.Write('\t', "\r", quoteAll: false))]);
            case 2:
                return Model("comma-delimited", header, rows, t => TempFolder.Utf8.GetBytes(t.Write(',', "\n", quoteAll: false)));
            case 3:
                rows[row][column] = NastyCells[random.Next(NastyCells.Length)];
                return Model($"row {row + 2} column {header[column]} = '{Shown(rows[row][column])}'", header, rows, Utf8);
            case 4:
                rows[row] = [.. rows[row].Take(column), NastyCells[random.Next(NastyCells.Length)], .. rows[row].Skip(column)];
                return Model($"row {row + 2}: a field added before column {column + 1}", header, rows, Utf8);
            case 5:
                rows[row] = [.. rows[row].Take(column), .. rows[row].Skip(column + 1)];
                return Model($"row {row + 2}: field {column + 1} removed", header, rows, Utf8);
            case 6:
                rows.Insert(random.Next(rows.Count + 1), rows[row].ToArray());
                return Model($"row {row + 2} repeated", header, rows, Utf8);
            case 7:
                header.RemoveAt(column);
                return Model($"column {seed.Header[column]} dropped from the header only", header, rows, Utf8);
            case 8:
                // UTF-8 for the first rows, Windows-1252 for the rest: the same rows, in no one encoding.
                return Model("UTF-8 and Windows-1252 mixed", header, rows, t =>
                {
                    var lines = t.Write(';', "\n", quoteAll: false).Split('\n');
                    var half = lines.Length / 2;
                    return [.. TempFolder.Utf8.GetBytes(string.Join('\n', lines[..half]) + "\n"),
                        .. TempFolder.Windows1252.GetBytes(string.Join('\n', lines[half..]))];
                });
            case 9:
                rows[row][column] += DelimiterAndBreak[random.Next(DelimiterAndBreak.Length)] + rows[row][column];
                return Model($"row {row + 2} column {header[column]} holds a delimiter, quote or line break", header, rows,
                    t => TempFolder.Utf8.GetBytes(t.Write(';', "\n", quoteAll: random.Next(2) == 0)));
            case 10:
                return Bytes("truncated", clean[..random.Next(clean.Length)]);
            case 11:
            {
                var bytes = clean.ToArray();
                var (a, b) = (random.Next(bytes.Length), random.Next(bytes.Length));
                (bytes[a], bytes[b]) = (bytes[b], bytes[a]);
                return Bytes($"bytes {a} and {b} swapped", bytes);
            }
            case 12:
            {
                var at = random.Next(clean.Length);
                var b = (byte)random.Next(256);
                return Bytes($"byte 0x{b:X2} inserted at {at}", [.. clean[..at], b, .. clean[at..]]);
            }
            case 13:
            {
                var at = random.Next(clean.Length);
                return Bytes($"byte {at} removed", [.. clean[..at], .. clean[(at + 1)..]]);
            }
            case 14:
            {
                var at = random.Next(clean.Length);
                var text = DelimiterAndBreak[random.Next(DelimiterAndBreak.Length)];
                return Bytes($"'{Shown(text)}' inserted at {at}", [.. clean[..at], .. TempFolder.Utf8.GetBytes(text), .. clean[at..]]);
            }
            default:
                rows[row][column] = new string('9', 2_000_000);
                return Model($"row {row + 2} column {header[column]} two million characters long", header, rows, Utf8);
        }
    }

    private static string Shown(string s) =>
        s.Length > 20 ? $"{s.Length} × '{s[0]}'" : s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\0", "\\0");
}
