using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Meetings;

/// <summary>
/// Ändrat sedan förra mötet: every value the previous meeting saw that is different now, old → new,
/// why (the files delivered since), and whether the change is material. The report opens with it.
/// </summary>
public static class ChangesSheet
{
    public const string Name = "Ändrat sedan förra mötet";
    private const int HeaderRow = 4;

    public static void Write(XLWorkbook workbook, SnapshotInfo meeting, IReadOnlyList<Revision> revisions, DisclosureSettings disclosure, string footer)
    {
        var sheet = workbook.AddWorksheet(Name);
        Look.Title(sheet, 1, $"Ändrat sedan förra mötet ({Periods.SwedishMonth(meeting.Month)})");
        Look.Note(sheet, 2, $"Jämfört med vad som visades när {Periods.SwedishMonth(meeting.Month)} fastställdes " +
            $"{meeting.ApprovedAt.LocalDateTime:yyyy-MM-dd} av {meeting.ApprovedBy} (ögonblicksbild {meeting.Id}). " +
            $"Väsentlig = mål- eller signalbedömningen ändrades, värdet flyttade sig mer än andelen, eller blev dolt eller försvann. {Disclosure.Note(disclosure)}.");
        string[] headers = ["Indikator", "Kommun/region", "Månad", "Visat", "Nu", "Status då → nu", "Måluppfyllelse då → nu",
            "SPC-signal då → nu", "Orsak (leveranser sedan mötet)", "Väsentlig"];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(HeaderRow, i + 1).PutText(headers[i]);
        Look.Header(sheet.Range(HeaderRow, 1, HeaderRow, headers.Length));

        var row = HeaderRow + 1;
        if (revisions.Count == 0) sheet.Cell(row++, 1).PutText("Inga värden som visades vid mötet har ändrats.");
        foreach (var r in revisions.OrderByDescending(r => r.Material).ThenBy(r => r.Indicator, StringComparer.Ordinal)
                     .ThenBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal))
        {
            var indicator = IndicatorCatalog.Find(r.Indicator);
            var format = indicator is null ? "0.##" : NumberFormats.Value(indicator);
            sheet.Cell(row, 1).PutText(indicator?.Name ?? r.Indicator);
            sheet.Cell(row, 2).PutText(Areas.Name(r.Area));
            sheet.Cell(row, 3).PutText(r.Period);
            sheet.Cell(row, 4).PutPublished(r.Presented.Shown, format);
            sheet.Cell(row, 5).PutPublished(r.Current.Shown, format);
            sheet.Cell(row, 6).PutText($"{StatusText(r.Presented.Status)} → {StatusText(r.Current.Status)}");
            sheet.Cell(row, 7).PutText($"{MeetingVerdicts.Swedish(r.Presented.Target)} → {MeetingVerdicts.Swedish(r.Current.Target)}");
            sheet.Cell(row, 8).PutText($"{MeetingVerdicts.Swedish(r.Presented.Signal)} → {MeetingVerdicts.Swedish(r.Current.Signal)}");
            sheet.Cell(row, 9).PutText(r.Causes.Count == 0 ? "Ingen ny leverans av månaden (ändrad bedömning över tid eller omräkning)" : string.Join(", ", r.Causes));
            var material = sheet.Cell(row, 10).PutText(r.Material ? "Ja" : "Nej");
            if (r.Material) Look.Attention(material);
            row++;
        }
        Look.Widths(sheet, 40, 16, 10, 10, 10, 24, 26, 26, 44, 11);
        sheet.Range(HeaderRow + 1, 9, Math.Max(row - 1, HeaderRow + 1), 9).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow));
    }

    private static string StatusText(string? status) => status switch
    {
        "final" => "Slutligt",
        "preliminary" => "Preliminärt",
        _ => "Inget värde",
    };
}
