using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;
using Omtanke.Core.Reporting.Workbooks;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Meetings;

/// <summary>Uppföljning: the group's actions, soonest follow-up first; those due by the report's month stand out.</summary>
public static class FollowUpSheet
{
    public const string Name = "Uppföljning";
    private const int HeaderRow = 4;

    public static void Write(XLWorkbook workbook, IReadOnlyList<Comment> actions, DateOnly month, string footer)
    {
        var sheet = workbook.AddWorksheet(Name);
        Look.Title(sheet, 1, $"Uppföljning – åtgärder ({Periods.SwedishMonth(month)})");
        Look.Note(sheet, 2, "Åtgärder som Indikatorgruppen beslutat om, med ansvarig och uppföljningsmånad. Gult = ska följas upp senast denna månad.");
        string[] headers = ["Följs upp", "Indikator", "Kommun/region", "Gäller månad", "Åtgärd", "Ansvarig", "Beslutad av", "Datum"];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(HeaderRow, i + 1).PutText(headers[i]);
        Look.Header(sheet.Range(HeaderRow, 1, HeaderRow, headers.Length));
        var row = HeaderRow + 1;
        foreach (var a in actions.OrderBy(a => a.FollowUp).ThenBy(a => a.Id))
        {
            var due = sheet.Cell(row, 1).PutText(Periods.Label(a.FollowUp!.Value));
            if (a.FollowUp <= month) Look.Attention(due);
            sheet.Cell(row, 2).PutText(IndicatorCatalog.Find(a.Indicator)?.Name ?? a.Indicator);
            sheet.Cell(row, 3).PutText(Areas.Name(a.Area));
            sheet.Cell(row, 4).PutText(Periods.Label(a.Period));
            sheet.Cell(row, 5).PutText(a.Text).Style.Alignment.WrapText = true;
            sheet.Cell(row, 6).PutText(a.Owner!);
            sheet.Cell(row, 7).PutText(a.Author);
            sheet.Cell(row, 8).PutText(a.Created.LocalDateTime.ToString("yyyy-MM-dd", Periods.Swedish));
            row++;
        }
        Look.Widths(sheet, 11, 36, 16, 12, 60, 20, 16, 12);
        for (var r = HeaderRow + 1; r < row; r++) Look.FitWrappedRow(sheet, r);
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow));
    }
}
