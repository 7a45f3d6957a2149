using System.Globalization;
using System.Text;

namespace Omtanke.Core.Import;

/// <summary>
/// How one column's cells are read: a cell arrives as text (CSV) or as a typed Excel value, and is
/// either turned into the value stored in PostgreSQL or refused with a reason in Swedish.
/// </summary>
public abstract class ColumnType
{
    /// <summary>Writes a value this type parsed as the fact table's column type: by default, as its CLR type maps.</summary>
    public virtual void Write(BinaryCopyWriter copy, object value, ImportContext context) => copy.WriteValue(value);

    /// <summary>The type as the extract documentation and error reports name it.</summary>
    public abstract string Description { get; }

    /// <summary>Parses a cell's text, non-empty and without surrounding white space; returns the reason it is refused, or null.</summary>
    public abstract string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value);

    /// <summary>Parses a non-empty cell, text or a typed Excel value; returns the reason it is refused, or null.</summary>
    public virtual string? TryParse(object cell, ImportContext context, out object? value) =>
        TryParse(CellText(cell).AsSpan(), context, out value);

    /// <summary>The number a run of ASCII digits (at most 18) writes.</summary>
    protected static long Digits(ReadOnlySpan<char> digits)
    {
        var n = 0L;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
    }

    public static string CellText(object cell) => cell switch
    {
        string s => s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    public static bool IsEmpty(object? cell) => cell is null || cell is string s && string.IsNullOrWhiteSpace(s);

    /// <summary>Removes the grouping spaces Swedish number formats use (space, no-break, narrow no-break).</summary>
    protected static string WithoutGroupSeparators(string s) =>
        s.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
}

public sealed class TextType(int maxLength = 200) : ColumnType
{
    public override string Description => "text";

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        value = text.ToString();
        return text.Length > maxLength ? $"Texten är längre än {maxLength} tecken." : null;
    }
}

/// <summary>A personnummer or pseudonym, stored only as a keyed hash.</summary>
public sealed class PatientIdType : ColumnType
{
    public override void Write(BinaryCopyWriter copy, object value, ImportContext context) =>
        context.PatientIds.Hash((PatientId)value, copy.Field(PatientIdHasher.HashBytes));
    public override string Description => "text (lagras endast som nyckelhash)";

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        value = PatientId.Of(text);
        return value is null ? "Identiteten innehåller inga siffror eller bokstäver." : null;
    }
}

public sealed class IntType(long min, long max) : ColumnType
{
    public long Min { get; } = min;
    public long Max { get; } = max;
    public override string Description => Max == int.MaxValue ? $"heltal ≥ {Min}" : $"heltal {Min}–{Max}";

    public override string? TryParse(object cell, ImportContext context, out object? value)
    {
        if (cell is not double d) return base.TryParse(cell, context, out value);
        value = null;
        return d != Math.Floor(d) || Math.Abs(d) > int.MaxValue ? "Inte ett heltal." : InRange((long)d, out value);
    }

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        value = null;
        // Nearly every cell is plain digits; only the others need the general number parser.
        if (text.Length > 18 || text.ContainsAnyExceptInRange('0', '9'))
        {
            if (!long.TryParse(WithoutGroupSeparators(text.ToString()), NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture, out var parsed))
                return "Inte ett heltal.";
            return InRange(parsed, out value);
        }
        return InRange(Digits(text), out value);
    }

    private string? InRange(long n, out object? value)
    {
        value = null;
        if (n < Min || n > Max) return Max == int.MaxValue ? $"Måste vara minst {Min}." : $"Måste vara mellan {Min} och {Max}.";
        value = (int)n;
        return null;
    }
}

public sealed class DecimalType(decimal min, decimal max) : ColumnType
{
    public override string Description => $"decimaltal {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}";

    public override string? TryParse(object cell, ImportContext context, out object? value) =>
        cell is double d ? InRange((decimal)d, out value) : base.TryParse(cell, context, out value);

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        value = null;
        if (!decimal.TryParse(WithoutGroupSeparators(text.ToString()).Replace(',', '.'),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x))
            return "Inte ett tal (använd , eller . som decimaltecken).";
        return InRange(x, out value);
    }

    private string? InRange(decimal x, out object? value)
    {
        value = null;
        if (x < min || x > max) return $"Måste vara mellan {min.ToString(CultureInfo.InvariantCulture)} och {max.ToString(CultureInfo.InvariantCulture)}.";
        value = x;
        return null;
    }
}

public sealed class DateType : ColumnType
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];
    private const string Invalid = "Ogiltigt datum: skriv ÅÅÅÅ-MM-DD.";

    public override string Description => "datum ÅÅÅÅ-MM-DD";

    public override string? TryParse(object cell, ImportContext context, out object? value)
    {
        switch (cell)
        {
            case DateTime dt:
                return Plausible(DateOnly.FromDateTime(dt), out value);
            case double serial when serial is >= 1 and < 2958466:
                return Plausible(DateOnly.FromDateTime(DateTime.FromOADate(serial)), out value);
        }
        return base.TryParse(cell, context, out value);
    }

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        value = null;
        // Nearly every cell is a plain yyyy-MM-dd: read its digits directly, not through the general date parser.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && !text[..4].ContainsAnyExceptInRange('0', '9')
            && !text.Slice(5, 2).ContainsAnyExceptInRange('0', '9') && !text[8..].ContainsAnyExceptInRange('0', '9'))
        {
            var (year, month, day) = ((int)Digits(text[..4]), (int)Digits(text.Slice(5, 2)), (int)Digits(text[8..]));
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return Invalid;
            return Plausible(new DateOnly(year, month, day), out value);
        }
        // yyyy-MM-dd, optionally followed by a space and a time (ignored, but it must be a time).
        if (text.Length < 10 || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || text.Length > 10 && (text[10] != ' '
                || !TimeOnly.TryParseExact(text[11..], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            return Invalid;
        return Plausible(date, out value);
    }

    private static string? Plausible(DateOnly date, out object? value)
    {
        value = PlausibleDates.Contains(date) ? date : null;
        return value is null ? PlausibleDates.DateRefusal : null;
    }
}

/// <summary>A month written <c>yyyy-MM</c>; stored as its first day.</summary>
public sealed class MonthType : ColumnType
{
    public override string Description => "månad ÅÅÅÅ-MM";

    public override string? TryParse(object cell, ImportContext context, out object? value) =>
        cell is DateTime dt ? Plausible(new DateOnly(dt.Year, dt.Month, 1), out value) : base.TryParse(cell, context, out value);

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        value = null;
        if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return "Ogiltig månad: skriv ÅÅÅÅ-MM.";
        return Plausible(new DateOnly(parsed.Year, parsed.Month, 1), out value);
    }

    private static string? Plausible(DateOnly month, out object? value)
    {
        value = PlausibleDates.Contains(month) ? month : null;
        return value is null ? PlausibleDates.MonthRefusal : null;
    }
}

/// <summary>A calendar year written <c>yyyy</c>, within the plausible dates.</summary>
public sealed class YearType : ColumnType
{
    public override string Description => "år ÅÅÅÅ";

    public override string? TryParse(object cell, ImportContext context, out object? value) =>
        cell is double d
            ? d == Math.Floor(d) && d is >= 0 and <= 9999 ? Plausible((int)d, out value) : Invalid(out value)
            : base.TryParse(cell, context, out value);

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value) =>
        text.Length == 4 && !text.ContainsAnyExceptInRange('0', '9') ? Plausible((int)Digits(text), out value) : Invalid(out value);

    private static string? Plausible(int year, out object? value)
    {
        value = PlausibleDates.ContainsYear(year) ? year : null;
        return value is null ? PlausibleDates.YearRefusal : null;
    }

    private static string Invalid(out object? value)
    {
        value = null;
        return "Ogiltigt år: skriv ÅÅÅÅ.";
    }
}

/// <summary>SCB's four-digit kommunkod, or the word <c>region</c> where the column allows it.</summary>
public sealed class KommunkodType(bool allowRegion = false) : ColumnType
{
    public const string Region = "region";

    public override string Description => allowRegion ? "kommunkod (4 siffror) eller region" : "kommunkod (4 siffror)";

    /// <summary>Each code's one string, made when first read: a file repeats a handful of codes millions of times.</summary>
    private static readonly string?[] Codes = new string?[10000];

    public override string? TryParse(object cell, ImportContext context, out object? value) =>
        // Excel shows a code typed as a number without its leading zero (0180 as 180).
        cell is double d && d == Math.Floor(d) && d is >= 0 and < 10000
            ? TryParse(((int)d).ToString("D4", CultureInfo.InvariantCulture).AsSpan(), context, out value)
            : base.TryParse(cell, context, out value);

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        if (allowRegion && text.Equals(Region, StringComparison.OrdinalIgnoreCase))
        {
            value = Region;
            return null;
        }
        if (text.Length == 4 && !text.ContainsAnyExceptInRange('0', '9'))
        {
            var code = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
            value = Codes[code] ??= text.ToString();
            return null;
        }
        value = null;
        return allowRegion ? "Ska vara en kommunkod med fyra siffror eller ordet region." : "Ska vara en kommunkod med fyra siffror.";
    }
}

public sealed class EnumType(params string[] values) : ColumnType
{
    public IReadOnlyList<string> Values { get; } = values;
    public override string Description => "ett av: " + string.Join(", ", Values);

    public override string? TryParse(ReadOnlySpan<char> text, ImportContext context, out object? value)
    {
        var key = Names.Fold(text.ToString());
        value = Values.FirstOrDefault(v => v == key);
        return value is null ? $"Okänt värde: tillåtna är {string.Join(", ", Values)}." : null;
    }
}

/// <summary>The folding that makes header names and enumeration values match as EXTRACTS.md says.</summary>
public static class Names
{
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Trim().Trim('\uFEFF').ToLowerInvariant())
        {
            sb.Append(c switch
            {
                'å' or 'ä' => 'a',
                'ö' => 'o',
                ' ' => '_',
                _ => c,
            });
        }
        return sb.ToString();
    }
}
