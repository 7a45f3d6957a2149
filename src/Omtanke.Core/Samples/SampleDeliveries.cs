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
internal sealed class SampleDeliveries(string directory, SampleOptions o)
{
    /// <summary>Varberg's month of utskrivningsklara is re-delivered corrected.</summary>
    public const string CorrectedKommunkod = "1383";

    /// <summary>Each month's avvikelser extract holds the cases of the last three months, with the answers given since.</summary>
    public const int AvvikelserMonthsPerDelivery = 3;

    /// <summary>The month that is corrected (utskrivningsklara) or re-delivered (avvikelser): three months before the last.</summary>
    private readonly DateOnly _redelivered = SampleCalendar.Later(o.FirstMonth, o.LastMonth.AddMonths(-3));

    public IReadOnlyList<WrittenFile> WriteAll() =>
        new[] { Befolkning(), Stays(), Sip(), FastLakarkontakt(), Kontinuitet(), Lakarbesok(), Avvikelser(), Hemsjukvard(), Palliativ() }
            .SelectMany(files => files).OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();

    /// <summary>The region's export system is renewed in the last calendar year of the samples.</summary>
    private bool Renewed(DateOnly month) => month.Year == o.LastMonth.Year && o.FirstMonth.Year < o.LastMonth.Year;

    /// <summary>The earlier years in one CSV, the latest year in Excel.</summary>
    private IReadOnlyList<WrittenFile> Befolkning()
    {
        var years = o.PopulationYears().Select(y => new DateOnly(y, 12, 1)).ToList();
        var earlier = years.Count > 1
            ? new[] { new DeliveryFile<object?[]>($"befolkning/befolkning_{years[0].Year}-{years[^2].Year}", BefolkningSamples.Table,
                Formats.Befolkning, years[0], years[^2], r => r) }
            : [];
        return Deliver(BefolkningSamples.Rows(o), r => new DateOnly(BefolkningSamples.Table.Get<int>(r, "ar"), 12, 1),
        [
            .. earlier,
            new($"befolkning/befolkning_{years[^1].Year}", BefolkningSamples.Table, Formats.Excel, years[^1], years[^1], r => r),
        ]);
    }

    /// <summary>slutenvard and utskrivningsklara from one simulation, so they share stays; and the correction.</summary>
    private IReadOnlyList<WrittenFile> Stays()
    {
        var ukFormat = (DateOnly m) => Renewed(m) ? Formats.UtskrivningsklaraRenewed : Formats.Utskrivningsklara;
        return Deliver(new StaySimulation(o).Run(), s => SampleCalendar.MonthOf(s.Discharged),
        [
            .. Monthly<Stay>("slutenvard", SlutenvardSamples.Table,
                m => Renewed(m) ? Formats.SlutenvardRenewed : Formats.Slutenvard, SlutenvardSamples.Row),
            .. Monthly<Stay>("utskrivningsklara", UtskrivningsklaraSamples.Table, ukFormat, UtskrivningsklaraSamples.Row),
            new($"utskrivningsklara/rattelse/{_redelivered:yyyy-MM}_{CorrectedKommunkod}_{FolderName(CorrectedKommunkod)}",
                UtskrivningsklaraSamples.Table, ukFormat(_redelivered), _redelivered, _redelivered,
                s => s.Kommunkod == CorrectedKommunkod ? UtskrivningsklaraSamples.CorrectedRow(s, o.Seed) : null),
        ]);
    }

    private IReadOnlyList<WrittenFile> Sip() =>
        Deliver(SipSamples.Rows(o), r => SampleCalendar.MonthOf(SipSamples.Table.Get<DateOnly>(r, "datum")),
            Quarterly<object?[]>("sip", SipSamples.Table, m => Renewed(m) ? Formats.SipRenewed : Formats.Sip, r => r));

    private IReadOnlyList<WrittenFile> FastLakarkontakt() =>
        Deliver(FastLakarkontaktSamples.Rows(o), Period,
            Quarterly<object?[]>("fast_lakarkontakt", FastLakarkontaktSamples.Table, _ => Formats.FastLakarkontakt, r => r));

    private IReadOnlyList<WrittenFile> Kontinuitet() =>
        Deliver(KontinuitetSamples.Rows(o), Period,
            Monthly<object?[]>("kontinuitet", KontinuitetSamples.Table, m => Renewed(m) ? Formats.KontinuitetRenewed : Formats.Kontinuitet, r => r));

    private IReadOnlyList<WrittenFile> Lakarbesok() =>
        Deliver(LakarbesokSamples.Rows(o), r => SampleCalendar.MonthOf(LakarbesokSamples.Table.Get<DateOnly>(r, "besoksdatum")),
            Monthly<object?[]>("lakarbesok", LakarbesokSamples.Table, _ => Formats.Lakarbesok, r => r));

    /// <summary>Rolling three-month extracts, each as of a few days after its month; then a re-delivery as of the end.</summary>
    private IReadOnlyList<WrittenFile> Avvikelser() =>
        Deliver(AvvikelserSamples.Cases(o), c => SampleCalendar.MonthOf(c.Reported),
        [
            .. o.EachMonth().Select(m => new DeliveryFile<Deviation>($"avvikelser/{m:yyyy-MM}", AvvikelserSamples.Table,
                Formats.Avvikelser, SampleCalendar.Later(o.FirstMonth, m.AddMonths(1 - AvvikelserMonthsPerDelivery)), m, c => c.Row(Deviation.ExtractedAfter(m)))),
            new($"avvikelser/uppdatering/{_redelivered:yyyy-MM}", AvvikelserSamples.Table, Formats.Avvikelser, _redelivered, _redelivered,
                c => c.Row(Deviation.ExtractedAfter(o.LastMonth))),
        ]);

    /// <summary>Each municipality delivers its own rows, a file a quarter, in its own system's format.</summary>
    private IReadOnlyList<WrittenFile> Hemsjukvard() =>
        Deliver(HemsjukvardSamples.Rows(o), Period,
            Halland.Municipalities.SelectMany(m => Quarterly<object?[]>($"hemsjukvard/{m.Code}_{FolderName(m.Code)}",
                HemsjukvardSamples.Table, _ => Formats.Hemsjukvard[m.Code],
                r => HemsjukvardSamples.Table.Get<string>(r, "kommunkod") == m.Code ? r : null)));

    /// <summary>A back-fill of the first year, then monthly files.</summary>
    private IReadOnlyList<WrittenFile> Palliativ()
    {
        var backFilled = o.EachMonth().Where(m => m.Year == o.FirstMonth.Year).ToList();
        return Deliver(PalliativSamples.Rows(o), Period,
        [
            new($"palliativ/{backFilled[0]:yyyy-MM}_{backFilled[^1]:yyyy-MM}", PalliativSamples.Table, Formats.Palliativ,
                backFilled[0], backFilled[^1], r => r),
            .. Monthly<object?[]>("palliativ", PalliativSamples.Table, _ => Formats.Palliativ, r => r).Where(f => f.First > backFilled[^1]),
        ]);
    }

    private IReadOnlyList<WrittenFile> Deliver<T>(IEnumerable<T> items, Func<T, DateOnly> month,
        IEnumerable<DeliveryFile<T>> files)
    {
        var writer = new DeliveryWriter<T>(directory, files);
        using (writer)
            foreach (var item in items) writer.Write(item, month(item));
        return writer.Written;
    }

    private IEnumerable<DeliveryFile<T>> Monthly<T>(string folder, SampleTable table,
        Func<DateOnly, SampleFormat> format, Func<T, object?[]?> row) =>
        o.EachMonth().Select(m => new DeliveryFile<T>($"{folder}/{m:yyyy-MM}", table, format(m), m, m, row));

    private IEnumerable<DeliveryFile<T>> Quarterly<T>(string folder, SampleTable table,
        Func<DateOnly, SampleFormat> format, Func<T, object?[]?> row) =>
        o.EachMonth().GroupBy(m => (m.Year, Quarter: (m.Month - 1) / 3 + 1)).Select(q =>
            new DeliveryFile<T>($"{folder}/{q.Key.Year}-Q{q.Key.Quarter}", table, format(q.First()), q.First(), q.Last(), row));

    /// <summary>The aggregate tables start with their period.</summary>
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
