using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Meetings;

/// <summary>One thing that happened to a value in the meeting's month: what the group should look at.</summary>
public sealed record MeetingEvent(string Indicator, string Area, string What);

/// <summary>
/// The meeting pack of a month, <c>Motesunderlag-yyyy-MM.xlsx</c>: Översikt (every indicator for the region and the
/// six municipalities on one page: value, change, target, signal, revised mark), Händelser (signals, target
/// crossings, material revisions, missing or late deliveries), Uppföljning (the actions) and Leveranskalender;
/// and in <c>Motesunderlag-yyyy-MM-diagram/</c> the trend chart of each indicator something happened to.
/// </summary>
public static class MeetingPack
{
    public const string OverviewName = "Översikt";
    public const string EventsName = "Händelser";
    public const string CalendarName = "Leveranskalender";

    public static string FileName(DateOnly month) => $"Motesunderlag-{Periods.Label(month)}.xlsx";

    public static async Task<ReportFiles> WriteAsync(ReportContext context, DateOnly month, string outDir, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var display = Periods.MonthsEndingWith(month, MonthlyReport.DisplayMonths);
        var data = await ReportData.LoadAsync(context.Db, context.Disclosure,
            [new ValuesFilter(display[0].AddMonths(1 - MonthlyReport.SpcMonths), month)], ct);
        var notes = await MeetingNotes.LoadAsync(context.Db, context.Disclosure, month, ct);
        var deliveries = await DeliveryCalendar.CheckAsync(context.Db, DeliveryCalendar.FromEnvironment(), month, ct);
        var events = Events(data, notes, month).ToList();
        Directory.CreateDirectory(outDir);

        var path = Path.Combine(outDir, FileName(month));
        var footer = $"Mötesunderlag {Periods.SwedishMonth(month)}";
        using (var workbook = new XLWorkbook())
        {
            WriteOverview(workbook, data, notes, month, footer);
            WriteEvents(workbook, events, deliveries, footer);
            FollowUpSheet.Write(workbook, notes.Actions, month, footer);
            WriteCalendar(workbook, deliveries, month, footer);
            Look.Properties(workbook, $"Mötesunderlag {Periods.SwedishMonth(month)}", "Indikatorgruppens möte", DateTime.Now);
            workbook.SaveAs(path);
        }
        var charts = Charts(data, events, display, Path.Combine(outDir, $"Motesunderlag-{Periods.Label(month)}-diagram"));
        await context.AuditAsync("mötesunderlag", path, new { period = Periods.Label(month), händelser = events.Count }, ct);
        return new ReportFiles(path, charts, clock.Elapsed);
    }

    /// <summary>Signals, target crossings since the month before, and material revisions since the previous meeting.</summary>
    public static IEnumerable<MeetingEvent> Events(ReportData data, MeetingNotes notes, DateOnly month)
    {
        foreach (var indicator in IndicatorCatalog.All)
        foreach (var area in ReportAreas.AreaCodes)
        {
            var now = MeetingValue.Of(data, indicator, area, month);
            var before = MeetingValue.Of(data, indicator, area, month.AddMonths(-1));
            if (now.Signal is not (MeetingVerdicts.NoSignal or MeetingVerdicts.NotJudged))
                yield return new(indicator.Id, area, $"SPC-signal: {MeetingVerdicts.Swedish(now.Signal)}");
            if ((before.Target, now.Target) is ("not_met", "met") or ("met", "not_met"))
                yield return new(indicator.Id, area, now.Target == "met" ? "Målet nås nu" : "Målet nås inte längre");
        }
        foreach (var r in notes.Revisions.Where(r => r.Material))
            yield return new(r.Indicator, r.Area, $"Väsentlig revision av {r.Period}: {Shown(r.Presented)} → {Shown(r.Current)}" +
                (r.Causes.Count > 0 ? $" ({string.Join(", ", r.Causes)})" : ""));
    }

    private static string Shown(MeetingValue v) =>
        v.Shown.Symbol ?? (v.Shown.Number is { } n ? n.ToString("0.##", Periods.Swedish) : "inget värde");

    private static void WriteOverview(XLWorkbook workbook, ReportData data, MeetingNotes notes, DateOnly month, string footer)
    {
        var sheet = workbook.AddWorksheet(OverviewName);
        Look.Title(sheet, 1, $"Mötesunderlag {Periods.SwedishMonth(month)} – översikt");
        Look.Note(sheet, 2, $"Värde (förändring mot {Periods.SwedishMonth(month.AddMonths(-1))}). Grönt = målet nås, rött = nås inte. " +
            $"▲▼ = SPC-signal (förbättring/försämring), * = ändrat sedan förra mötet. {Disclosure.Note(data.Disclosure)}.");
        const int header = 4;
        sheet.Cell(header, 1).PutText("Indikator");
        for (var i = 0; i < ReportAreas.AreaCodes.Count; i++) sheet.Cell(header, i + 2).PutText(Areas.Name(ReportAreas.AreaCodes[i]));
        Look.Header(sheet.Range(header, 1, header, ReportAreas.AreaCodes.Count + 1));
        var row = header + 1;
        foreach (var indicator in ReportAreas.Sections(IndicatorCatalog.All).SelectMany(s => s.Indicators))
        {
            sheet.Cell(row, 1).PutText(IndicatorTexts.NameWithUnit(indicator));
            for (var i = 0; i < ReportAreas.AreaCodes.Count; i++)
            {
                var area = ReportAreas.AreaCodes[i];
                var value = MeetingValue.Of(data, indicator, area, month);
                var cell = sheet.Cell(row, i + 2).PutText(OverviewText(data, indicator, value, notes));
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                Look.Status(cell, data.Status(indicator, area, value.Period, month));
            }
            row++;
        }
        Look.Widths(sheet, [48, .. Enumerable.Repeat(15.0, ReportAreas.AreaCodes.Count)]);
        sheet.SheetView.FreezeRows(header);
        Look.Print(sheet, footer, (header, header), onePage: true);
    }

    /// <summary>"12,3 (+0,4) ▲ *": the value, its change, its signal and whether the previous meeting saw another value.</summary>
    private static string OverviewText(ReportData data, IndicatorDefinition indicator, MeetingValue value, MeetingNotes notes)
    {
        var decimals = NumberFormats.Decimals(indicator);
        var format = decimals == 0 ? "0" : "0." + new string('0', decimals);
        var before = data.Published(indicator, value.Area, Periods.Label(value.Month.AddMonths(-1)));
        var change = value.Shown.ChangeFrom(before, decimals);
        var text = value.Shown.Symbol ?? value.Shown.Number?.ToString(format, Periods.Swedish) ?? "–";
        if (change.Number is { } delta) text += $" ({delta.ToString("+" + format + ";−" + format + ";±0", Periods.Swedish)})";
        text += value.Signal switch { "improvement" or "above" => " ▲", "concern" or "below" => " ▼", _ => "" };
        return notes.Revisions.Any(r => r.Indicator == value.Indicator && r.Area == value.Area) ? text + " *" : text;
    }

    private static void WriteEvents(XLWorkbook workbook, IReadOnlyList<MeetingEvent> events, IReadOnlyList<DeliveryCheck> deliveries,
        string footer)
    {
        var sheet = workbook.AddWorksheet(EventsName);
        Look.Title(sheet, 1, "Händelser – det som mötet bör titta på");
        Look.Note(sheet, 2, "SPC-signaler, mål som nås eller inte längre nås, väsentliga revisioner sedan förra mötet och leveranser som saknas eller kom sent.");
        sheet.Cell(4, 1).PutText("Indikator / källa");
        sheet.Cell(4, 2).PutText("Kommun/region");
        sheet.Cell(4, 3).PutText("Vad");
        Look.Header(sheet.Range(4, 1, 4, 3));
        var row = 5;
        foreach (var e in events)
        {
            sheet.Cell(row, 1).PutText(IndicatorCatalog.Find(e.Indicator)?.Name ?? e.Indicator);
            sheet.Cell(row, 2).PutText(Areas.Name(e.Area));
            sheet.Cell(row++, 3).PutText(e.What);
        }
        foreach (var d in deliveries.Where(d => d.IsMissing || d.IsLate || d.Missing.Count > 0))
        {
            sheet.Cell(row, 1).PutText(SourceCatalog.Find(d.SourceId)?.Title ?? d.SourceId);
            sheet.Cell(row, 2).PutText(d.IsMissing || d.Missing.Count == Areas.Municipalities.Count ? "Alla" : string.Join(", ", d.Missing.Select(Areas.Name)));
            sheet.Cell(row++, 3).PutText(CalendarText(d));
        }
        if (row == 5) sheet.Cell(row, 1).PutText("Inget särskilt har hänt denna månad.");
        Look.Widths(sheet, 48, 30, 90);
        sheet.SheetView.FreezeRows(4);
        Look.Print(sheet, footer, (4, 4));
    }

    private static void WriteCalendar(XLWorkbook workbook, IReadOnlyList<DeliveryCheck> deliveries, DateOnly month, string footer)
    {
        var sheet = workbook.AddWorksheet(CalendarName);
        Look.Title(sheet, 1, $"Leveranskalender – {Periods.SwedishMonth(month)}");
        Look.Note(sheet, 2, $"Sista leveransdag per källa (arbetsdagar, ändras med {DeliveryCalendar.Variable}); importerad = första godkända leveransen av månaden.");
        string[] headers = ["Källa", "Sista leveransdag", "Importerad", "Läge", "Kommuner utan leverans"];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(4, i + 1).PutText(headers[i]);
        Look.Header(sheet.Range(4, 1, 4, headers.Length));
        var row = 5;
        foreach (var d in deliveries)
        {
            sheet.Cell(row, 1).PutText(SourceCatalog.Find(d.SourceId)?.Title ?? d.SourceId);
            sheet.Cell(row, 2).PutText(d.Due.ToString("yyyy-MM-dd", Periods.Swedish));
            sheet.Cell(row, 3).PutText(d.First?.LocalDateTime.ToString("yyyy-MM-dd", Periods.Swedish) ?? "");
            var state = sheet.Cell(row, 4).PutText(CalendarText(d));
            if (d.IsMissing || d.IsLate) Look.Status(state, TargetStatus.NotMet);
            sheet.Cell(row++, 5).PutText(string.Join(", ", d.Missing.Select(Areas.Name)));
        }
        Look.Widths(sheet, 36, 16, 14, 34, 50);
        Look.Print(sheet, footer, (4, 4));
    }

    private static string CalendarText(DeliveryCheck d) =>
        d.IsMissing ? $"Saknas (sista dag {d.Due:yyyy-MM-dd})"
        : d.IsLate ? $"Sen: kom {d.First!.Value.LocalDateTime:yyyy-MM-dd}, sista dag {d.Due:yyyy-MM-dd}"
        : d.Missing.Count > 0 ? "Levererad, men inte för alla kommuner"
        : "I tid";

    /// <summary>The trend chart, over the report's 13 months, of each indicator something happened to.</summary>
    private static List<string> Charts(ReportData data, IEnumerable<MeetingEvent> events, IReadOnlyList<DateOnly> months, string folder)
    {
        Directory.CreateDirectory(folder);
        var periods = months.Select(m => (Periods.Label(m), m)).ToList();
        var files = new List<string>();
        foreach (var indicator in events.Select(e => e.Indicator).Distinct().Select(IndicatorCatalog.Find).OfType<IndicatorDefinition>())
        {
            var chart = TrendChart.Render(TrendChartData.Build(data, indicator, ReportAreas.AreaCodes, periods));
            var (png, svg) = ChartRendering.Save(chart, Path.Combine(folder, indicator.Id), ChartLayout.Wide);
            files.AddRange([png, svg]);
        }
        return files;
    }
}
