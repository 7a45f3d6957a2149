using Omtanke.Core.Indicators;

namespace Omtanke.Core.Samples;

/// <summary>
/// The sample deliveries as they arrive in reality. Region sources come as monthly files for all
/// municipalities; the region's export system is renewed in the last calendar year, so those months
/// look different; home health care comes from each municipality's own system, a file per quarter;
/// palliative care starts with a back-fill of the first year; each avvikelser extract repeats the two
/// months before its own with the answers given since. A correction of one municipality's month of
/// utskrivningsklara, and a re-delivery of a month of avvikelser with later answers, are placed in
/// sub-folders (rattelse/, uppdatering/) that sort after the monthly files, so importing in path order
/// applies them last.
/// </summary>
internal static class SampleDeliveries
{
    /// <summary>Varberg's month of utskrivningsklara is re-delivered corrected.</summary>
    public const string CorrectedKommunkod = "1383";

    /// <summary>Each month's avvikelser extract holds the cases of the last three months, with the answers given since.</summary>
    public const int AvvikelserMonthsPerDelivery = 3;

    public static IReadOnlyList<WrittenFile> WriteAll(string directory, SampleOptions o)
    {
        var renewed = (DateOnly month) => month.Year == o.LastMonth.Year && o.FirstMonth.Year < o.LastMonth.Year;
        var redelivered = Max(o.FirstMonth, o.LastMonth.AddMonths(-3));
        var written = new List<WrittenFile>();

        var years = o.PopulationYears().ToList();
        written.AddRange(Deliver(directory, BefolkningSamples.Rows(o), r => new DateOnly((int)r[0]!, 12, 1),
        [
            .. years.Count > 1
                ? [new DeliveryFile<object?[]>($"befolkning/befolkning_{years[0]}-{years[^2]}", BefolkningSamples.Table,
                    Formats.Befolkning, new(years[0], 12, 1), new(years[^2], 12, 1), r => r)]
                : Array.Empty<DeliveryFile<object?[]>>(),
            new($"befolkning/befolkning_{years[^1]}", BefolkningSamples.Table, Formats.Excel, new(years[^1], 12, 1), new(years[^1], 12, 1), r => r),
        ]));

        var ukFormat = (DateOnly m) => renewed(m) ? Formats.UtskrivningsklaraRenewed : Formats.Utskrivningsklara;
        written.AddRange(Deliver(directory, new StaySimulation(o).Run(), s => Month(s.Discharged),
        [
            .. Monthly<Stay>(o, "slutenvard", SlutenvardSamples.Table,
                m => renewed(m) ? Formats.SlutenvardRenewed : Formats.Slutenvard, SlutenvardSamples.Row),
            .. Monthly<Stay>(o, "utskrivningsklara", UtskrivningsklaraSamples.Table, ukFormat, UtskrivningsklaraSamples.Row),
            new($"utskrivningsklara/rattelse/{redelivered:yyyy-MM}_{CorrectedKommunkod}_{FolderName(CorrectedKommunkod)}",
                UtskrivningsklaraSamples.Table, ukFormat(redelivered), redelivered, redelivered,
                s => s.Kommunkod == CorrectedKommunkod ? UtskrivningsklaraSamples.CorrectedRow(s, o.Seed) : null),
        ]));

        written.AddRange(Deliver(directory, SipSamples.Rows(o), r => Month(SipSamples.Table.Get<DateOnly>(r, "datum")),
            Quarterly<object?[]>(o, "sip", SipSamples.Table, m => renewed(m) ? Formats.SipRenewed : Formats.Sip, r => r)));

        written.AddRange(Deliver(directory, FastLakarkontaktSamples.Rows(o), Period,
            Quarterly<object?[]>(o, "fast_lakarkontakt", FastLakarkontaktSamples.Table, _ => Formats.FastLakarkontakt, r => r)));

        written.AddRange(Deliver(directory, KontinuitetSamples.Rows(o), Period,
            Monthly<object?[]>(o, "kontinuitet", KontinuitetSamples.Table, m => renewed(m) ? Formats.KontinuitetRenewed : Formats.Kontinuitet, r => r)));

        written.AddRange(Deliver(directory, LakarbesokSamples.Rows(o), r => Month(LakarbesokSamples.Table.Get<DateOnly>(r, "besoksdatum")),
            Monthly<object?[]>(o, "lakarbesok", LakarbesokSamples.Table, _ => Formats.Lakarbesok, r => r)));

        written.AddRange(Deliver(directory, AvvikelserSamples.Cases(o), c => Month(c.Reported),
        [
            .. o.EachMonth().Select(m => new DeliveryFile<Deviation>($"avvikelser/{m:yyyy-MM}", AvvikelserSamples.Table,
                Formats.Avvikelser, Max(o.FirstMonth, m.AddMonths(1 - AvvikelserMonthsPerDelivery)), m, c => c.Row(Deviation.ExtractedAfter(m)))),
            new($"avvikelser/uppdatering/{redelivered:yyyy-MM}", AvvikelserSamples.Table, Formats.Avvikelser, redelivered, redelivered,
                c => c.Row(Deviation.ExtractedAfter(o.LastMonth))),
        ]));

        written.AddRange(Deliver(directory, HemsjukvardSamples.Rows(o), Period,
            Halland.Municipalities.SelectMany(m => Quarterly<object?[]>(o, $"hemsjukvard/{m.Code}_{FolderName(m.Code)}",
                HemsjukvardSamples.Table, _ => Formats.Hemsjukvard[m.Code], r => HemsjukvardSamples.Table.Get<string>(r, "kommunkod") == m.Code ? r : null))));

        var backFilled = o.EachMonth().Where(m => m.Year == o.FirstMonth.Year).ToList();
        written.AddRange(Deliver(directory, PalliativSamples.Rows(o), Period,
        [
            new($"palliativ/{backFilled[0]:yyyy-MM}_{backFilled[^1]:yyyy-MM}", PalliativSamples.Table, Formats.Palliativ,
                backFilled[0], backFilled[^1], r => r),
            .. Monthly<object?[]>(o, "palliativ", PalliativSamples.Table, _ => Formats.Palliativ, r => r).Where(f => f.First > backFilled[^1]),
        ]));

        return written.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<WrittenFile> Deliver<T>(string directory, IEnumerable<T> items, Func<T, DateOnly> month,
        IEnumerable<DeliveryFile<T>> files)
    {
        var writer = new DeliveryWriter<T>(directory, files);
        using (writer)
            foreach (var item in items) writer.Write(item, month(item));
        return writer.Written;
    }

    private static IEnumerable<DeliveryFile<T>> Monthly<T>(SampleOptions o, string folder, SampleTable table,
        Func<DateOnly, SampleFormat> format, Func<T, object?[]?> row) =>
        o.EachMonth().Select(m => new DeliveryFile<T>($"{folder}/{m:yyyy-MM}", table, format(m), m, m, row));

    private static IEnumerable<DeliveryFile<T>> Quarterly<T>(SampleOptions o, string folder, SampleTable table,
        Func<DateOnly, SampleFormat> format, Func<T, object?[]?> row) =>
        o.EachMonth().GroupBy(m => (m.Year, Quarter: (m.Month - 1) / 3 + 1)).Select(q =>
            new DeliveryFile<T>($"{folder}/{q.Key.Year}-Q{q.Key.Quarter}", table, format(q.First()), q.First(), q.Last(), row));

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Period(object?[] row) => (DateOnly)row[0]!;

    private static string FolderName(string kommunkod) => Areas.Name(kommunkod).ToLowerInvariant();

    /// <summary>Each delivery's file format: what its sending system writes.</summary>
    private static class Formats
    {
        public static readonly SampleFormat Excel = new() { Excel = true };

        public static readonly SampleFormat Befolkning = new()
        {
            Encoding = SampleFormat.Utf8Bom, ThousandsSeparator = " ",
            Extras = [new("kommunnamn", r => Areas.Name(BefolkningSamples.Table.Get<string>(r, "kommunkod")), After: "kommunkod")],
        };

        /// <summary>Saved from Swedish Excel: Windows-1252, CRLF, headers as people write them.</summary>
        public static readonly SampleFormat Utskrivningsklara = new()
        {
            Encoding = SampleFormat.Windows1252, NewLine = "\r\n", DisplayHeader = true,
        };

        /// <summary>The renewed export: comma-separated (wards with a comma are quoted), no hospital, a length-of-stay column.</summary>
        public static readonly SampleFormat UtskrivningsklaraRenewed = new()
        {
            Delimiter = ',', Omit = ["sjukhus"],
            Extras = [new("vardtid_dagar", r => UtskrivningsklaraSamples.Table.Get<DateOnly>(r, "utskrivningsdatum").DayNumber
                                               - UtskrivningsklaraSamples.Table.Get<DateOnly>(r, "inskrivningsdatum").DayNumber, After: "utskrivningsdatum")],
        };

        public static readonly SampleFormat Slutenvard = new() { Encoding = SampleFormat.Utf8Bom };
        public static readonly SampleFormat SlutenvardRenewed = Slutenvard with { TimeOfDay = true };

        public static readonly SampleFormat Sip = new() { Excel = true, Omit = ["patient_id"] };
        public static readonly SampleFormat SipRenewed = new() { Excel = true, SwedishLabels = true };

        public static readonly SampleFormat FastLakarkontakt = new()
        {
            Encoding = SampleFormat.Windows1252, Delimiter = '\t', NewLine = "\r\n", SwedishLabels = true, ThousandsSeparator = "\u00A0",
            Extras = [new("Kommun", r => Areas.Name(FastLakarkontaktSamples.Table.Get<string>(r, "kommunkod")), After: "kommunkod")],
        };

        public static readonly SampleFormat Kontinuitet = new() { Delimiter = ',' };
        public static readonly SampleFormat KontinuitetRenewed = new() { Encoding = SampleFormat.Utf8Bom, DecimalComma = true };

        /// <summary>One visit in five is a remote visit; which one follows from the visit's id.</summary>
        public static readonly SampleFormat Lakarbesok = new()
        {
            Delimiter = '\t',
            Extras = [new("besokstyp", r => LakarbesokSamples.Table.Get<string>(r, "besok_id")[^1] is '0' or '5' ? "Distansbesök" : "Mottagningsbesök",
                After: "besoksdatum")],
        };

        public static readonly SampleFormat Avvikelser = new() { Encoding = SampleFormat.Windows1252, NewLine = "\r\n", SwedishLabels = true };

        public static readonly SampleFormat Palliativ = new() { Encoding = SampleFormat.Utf8Bom, Delimiter = ',', DisplayHeader = true };

        /// <summary>Each municipality's own system.</summary>
        public static readonly IReadOnlyDictionary<string, SampleFormat> Hemsjukvard = new Dictionary<string, SampleFormat>
        {
            ["1315"] = new() { Excel = true, MonthAsDate = true },
            ["1380"] = new() { Encoding = SampleFormat.Utf8Bom, ThousandsSeparator = " " },
            ["1381"] = new()
            {
                Encoding = SampleFormat.Windows1252, NewLine = "\r\n", DisplayHeader = true,
                Extras = [new("Kommentar", r => HemsjukvardSamples.Table.Get<DateOnly>(r, "period").Month == 7
                    ? "Sjuksköterskor från bemanningsföretag under semestern" : null, After: "enstaka_hembesok")],
            },
            ["1382"] = new() { Delimiter = '\t' },
            ["1383"] = new() { Delimiter = ',' },
            ["1384"] = Excel,
        };
    }
}
