using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>
/// Sammanfattning: every indicator for the six municipalities and the region in the report's month,
/// beside the month before and the same month a year earlier, with the target, whether it is met,
/// whether the value is preliminary, the SPC signals of the month, and the group's comments on these values.
/// </summary>
public static class SummarySheet
{
    public const string Name = "Sammanfattning";
    public const int HeaderRow = 5;
    private const int Columns = 11;

    public static void Write(XLWorkbook workbook, ReportData data, IReadOnlyList<ReportSection> sections, DateOnly month,
        string footer, DateTime created, MeetingNotes meeting)
    {
        var sheet = workbook.AddWorksheet(Name);
        var previous = month.AddMonths(-1);
        var yearBefore = month.AddMonths(-12);
        Look.Title(sheet, 1, $"Indikatorrapport {Periods.SwedishMonth(month)}");
        Look.Note(sheet, 2, $"Omtanke Halland – Hallands sex kommuner och Region Halland. Skapad {created:yyyy-MM-dd HH:mm}.");
        Look.Note(sheet, 3, $"Kursiv = preliminärt värde (en förändring från eller till ett preliminärt värde färgas inte). {Disclosure.Note(data.Disclosure)}. " +
            "Grönt = målet uppfyllt, rött = ej uppfyllt. SPC: blått = förbättring, orange = försämring, lila = signal utan " +
            "bättre riktning, grått = ej bedömd. Förklaringar på bladet Definitioner.");

        string[] headers =
        [
            "Kommun/region", Periods.SwedishMonth(month), Periods.SwedishMonth(previous), "Förändring mot föregående månad",
            Periods.SwedishMonth(yearBefore), "Förändring mot samma månad föregående år", "Mål", "Måluppfyllelse",
            "Status", $"SPC-signal (styrdiagram över upp till {MonthlyReport.SpcMonths} månader)", "Kommentarer",
        ];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(HeaderRow, i + 1).PutText(headers[i]);
        Look.Header(sheet.Range(HeaderRow, 1, HeaderRow, Columns));

        var row = HeaderRow + 1;
        foreach (var section in sections)
        {
            Look.AreaBand(sheet, row++, Columns, section.Area.Name);
            foreach (var indicator in section.Indicators)
            {
                Look.IndicatorBand(sheet, row++, Columns,
                    $"{IndicatorTexts.NameWithUnit(indicator)} – {IndicatorTexts.Direction(indicator.Better).ToLowerInvariant()}");
                foreach (var area in ReportAreas.AreaCodes)
                    WriteRow(sheet, row++, data, indicator, area, month, meeting);
            }
        }

        Look.Widths(sheet, 18, 13, 13, 15, 13, 15, 10, 13, 12, 34, 50);
        Look.FitWrappedRow(sheet, HeaderRow);
        sheet.Column(1).Style.Alignment.Indent = 1;
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow));
    }

    private static void WriteRow(IXLWorksheet sheet, int row, ReportData data, IndicatorDefinition indicator, string area,
        DateOnly month, MeetingNotes meeting)
    {
        var label = Periods.Label(month);
        var format = NumberFormats.Value(indicator);
        var now = data.Published(indicator, area, label);
        var previous = data.Published(indicator, area, Periods.Label(month.AddMonths(-1)));
        var yearBefore = data.Published(indicator, area, Periods.Label(month.AddMonths(-12)));
        var status = data.Status(indicator, area, label, month);

        sheet.Cell(row, 1).PutText(Areas.Name(area));
        var (nowPreliminary, previousPreliminary, yearBeforePreliminary) = (data.IsPreliminary(indicator, area, label),
            data.IsPreliminary(indicator, area, Periods.Label(month.AddMonths(-1))),
            data.IsPreliminary(indicator, area, Periods.Label(month.AddMonths(-12))));
        var value = sheet.Cell(row, 2).PutPublished(now, format);
        Look.Status(value, status);
        if (nowPreliminary) Look.Preliminary(value);
        var previousCell = sheet.Cell(row, 3).PutPublished(previous, format);
        if (previousPreliminary) Look.Preliminary(previousCell);
        Look.Change(sheet.Cell(row, 4), indicator, now.ChangeFrom(previous, NumberFormats.Decimals(indicator)),
            nowPreliminary || previousPreliminary);
        var yearBeforeCell = sheet.Cell(row, 5).PutPublished(yearBefore, format);
        if (yearBeforePreliminary) Look.Preliminary(yearBeforeCell);
        Look.Change(sheet.Cell(row, 6), indicator, now.ChangeFrom(yearBefore, NumberFormats.Decimals(indicator)),
            nowPreliminary || yearBeforePreliminary);
        sheet.Cell(row, 7).PutText(IndicatorTexts.Target(data.TargetAt(indicator, month))).Style.Alignment.Horizontal =
            XLAlignmentHorizontalValues.Center;
        var met = sheet.Cell(row, 8).PutText(IndicatorTexts.Status(status));
        Look.Status(met, status);
        sheet.Cell(row, 9).PutText(nowPreliminary ? "Preliminärt" : "");
        Look.Spc(sheet.Cell(row, 10), data.SignalsAt(indicator, area, month));
        if (area == Areas.Region) sheet.Range(row, 1, row, 6).Style.Font.Bold = true;
        if (meeting.Text(indicator, area, [month, month.AddMonths(-1), month.AddMonths(-12)]) is { Length: > 0 } comments)
        {
            sheet.Cell(row, 11).PutText(comments).Style.Alignment.WrapText = true;
            Look.FitWrappedRow(sheet, row);
        }
        // A value the previous meeting saw otherwise: Ändrat sedan förra mötet says how.
        if (meeting.IsRevised(indicator.Id, area, Periods.Label(month.AddMonths(-1))))
            sheet.Cell(row, 3).Comment.AddText("Ändrat sedan förra mötet");
    }
}
