using System.Globalization;
using System.Text;
using Omtanke.Core.Import;

namespace Omtanke.Core.Samples;

/// <summary>
/// How one delivery's file is written: the variety EXTRACTS.md allows and real exports show — CSV
/// dialects and encodings, header spellings, Swedish labels, optional columns left out, extra columns,
/// or an Excel workbook with real number and date cells.
/// </summary>
internal sealed record SampleFormat
{
    public static Encoding Utf8 { get; } = new UTF8Encoding(false);
    public static Encoding Utf8Bom { get; } = new UTF8Encoding(true);
    public static Encoding Windows1252 => FileFingerprint.Windows1252;

    /// <summary>UTF-8 without BOM, <c>;</c>, the names of EXTRACTS.md: what the benchmark streams.</summary>
    public static SampleFormat Plain { get; } = new();

    public bool Excel { get; init; }
    public Encoding Encoding { get; init; } = Utf8;
    public char Delimiter { get; init; } = ';';
    public string NewLine { get; init; } = "\n";
    public bool DecimalComma { get; init; }
    /// <summary>Groups counts in thousands with this separator (a space, or Excel's no-break space).</summary>
    public string? ThousandsSeparator { get; init; }
    /// <summary>Dates carry a time of day, as extracts from patient administration systems do.</summary>
    public bool TimeOfDay { get; init; }
    /// <summary>Headers as people write them: <c>Utskrivningsklar datum</c>, <c>Patient ID</c>.</summary>
    public bool DisplayHeader { get; init; }
    /// <summary>Enumeration values as Swedish labels: <c>Informationsöverföring</c>, <c>Säbo</c>.</summary>
    public bool SwedishLabels { get; init; }
    /// <summary>In Excel, a period is a date cell shown as yyyy-mm rather than text.</summary>
    public bool MonthAsDate { get; init; }
    /// <summary>Optional columns this export does not have.</summary>
    public IReadOnlyCollection<string> Omit { get; init; } = [];
    public IReadOnlyList<ExtraColumn> Extras { get; init; } = [];

    public string Extension => Excel ? ".xlsx" : Delimiter == '\t' ? ".txt" : ".csv";

    /// <summary>A short Swedish description for the command's summary, e.g. "csv, windows-1252, semikolon, CRLF".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Excel) parts.Add(MonthAsDate ? "xlsx, period som datumcell" : "xlsx");
        else
        {
            parts.Add("csv");
            parts.Add(Encoding.CodePage == 1252 ? "windows-1252" : Encoding.GetPreamble().Length > 0 ? "utf-8 med BOM" : "utf-8 utan BOM");
            parts.Add(Delimiter switch { '\t' => "tabb", ',' => "komma", _ => "semikolon" });
            if (DecimalComma) parts.Add("decimalkomma");
            if (ThousandsSeparator is not null) parts.Add("tusental grupperade");
            if (TimeOfDay) parts.Add("datum med klockslag");
            if (NewLine == "\r\n") parts.Add("CRLF");
        }
        if (DisplayHeader) parts.Add("rubriker med mellanslag");
        if (SwedishLabels) parts.Add("svenska etiketter");
        if (Omit.Count > 0) parts.Add("utan " + string.Join(" och ", Omit));
        if (Extras.Count > 0) parts.Add("extra kolumn " + string.Join(" och ", Extras.Select(e => e.Header)));
        return string.Join(", ", parts);
    }

    public string HeaderText(string column) => DisplayHeader ? DisplayName(column) : column;

    /// <summary>The text of a cell in a CSV file; <paramref name="row"/> varies the times of day.</summary>
    public string CellText(object? value, CellKind kind, long row, int column) => value switch
    {
        null => "",
        string s when kind == CellKind.Enum && SwedishLabels => Label(s),
        string s => s,
        int n when kind == CellKind.Count && ThousandsSeparator is not null =>
            n.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", ThousandsSeparator),
        int n => n.ToString(CultureInfo.InvariantCulture),
        decimal x => DecimalComma ? x.ToString(CultureInfo.InvariantCulture).Replace('.', ',') : x.ToString(CultureInfo.InvariantCulture),
        DateOnly d when kind == CellKind.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateOnly d when TimeOfDay => d.ToDateTime(TimeOfDayFor(row, column)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A sample cell cannot be {value.GetType().Name}."),
    };

    /// <summary>Between 07:00 and 20:59, spread by row and column so that times look like a working day's.</summary>
    private static TimeOnly TimeOfDayFor(long row, int column) =>
        new TimeOnly(7, 0).AddMinutes((row * 7919 + column * 613) % (14 * 60));

    /// <summary><c>utskrivningsklar_datum</c> → <c>Utskrivningsklar datum</c>, <c>patient_id</c> → <c>Patient ID</c>.</summary>
    private static string DisplayName(string column)
    {
        var words = column.Split('_').Select(w => w == "id" ? "ID" : w).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["genomford"] = "Genomförd", ["installd"] = "Inställd", ["aldre"] = "Äldre", ["barn_unga"] = "Barn unga",
        ["sabo"] = "Säbo", ["sarskilt_boende"] = "Särskilt boende", ["informationsoverforing"] = "Informationsöverföring",
        ["lakemedel"] = "Läkemedel", ["hjalpmedel"] = "Hjälpmedel", ["hemsjukvard"] = "Hemsjukvård", ["ovrigt"] = "Övrigt",
        ["sip"] = "SIP",
    };

    /// <summary>The Swedish label, which folds back to the value (EXTRACTS.md: å ä ö may stand for a a o).</summary>
    private static string Label(string value) =>
        Labels.TryGetValue(value, out var label) ? label : char.ToUpperInvariant(value[0]) + value[1..].Replace('_', ' ');
}
