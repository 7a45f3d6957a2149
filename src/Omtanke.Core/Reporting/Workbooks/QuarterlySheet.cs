using ClosedXML.Excel;
using Omtanke.Core.Indicators;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>One RUG page: an area's indicators, each a table of the municipalities and the region over five quarters.</summary>
public static class QuarterlySheet
{
    public const int HeaderRow = 3;

    public static string[] Headers(QuarterlyModel model) =>
    [
        "Kommun/region",
        .. model.Quarters.Select((q, i) => i == 0 ? $"{q.Label} (ett år tidigare)" : q.Label),
        "Förändring mot föregående kvartal", "Förändring mot samma kvartal föregående år", "Mål", "Måluppfyllelse",
        "Status", "Signaler under kvartalet (styrdiagram, månadsvärden)",
    ];

    public static void Write(XLWorkbook workbook, QuarterlyModel model, QuarterSection section, string footer)
    {
        var sheet = workbook.AddWorksheet(section.Area.SheetName);
        var headers = Headers(model);
        var quarters = model.Quarters.Count;
        Look.Title(sheet, 1, $"RUG-uppföljning {model.Quarter.SwedishLabel} – {section.Area.Name}");
        Look.Note(sheet, 2, $"Kursiv = preliminärt värde. {Disclosure.Note(model.Disclosure)}. Grönt/rött = målet uppfyllt/ej uppfyllt. " +
            "Gult = signal i styrdiagrammet under kvartalet. Förklaringar på bladet Definitioner.");
        for (var i = 0; i < headers.Length; i++) sheet.Cell(HeaderRow, i + 1).PutText(headers[i]);
        Look.Header(sheet.Range(HeaderRow, 1, HeaderRow, headers.Length));

        var row = HeaderRow + 1;
        foreach (var block in section.Blocks)
        {
            var indicator = block.Indicator;
            var format = NumberFormats.Value(indicator);
            Look.IndicatorBand(sheet, row++, headers.Length,
                $"{IndicatorTexts.NameWithUnit(indicator)} – {IndicatorTexts.Direction(indicator.Better).ToLowerInvariant()}");
            foreach (var line in block.Rows)
            {
                var region = line.Area == Areas.Region;
                sheet.Cell(row, 1).PutText(Areas.Name(line.Area)).Style.Font.Bold = region;
                for (var q = 0; q < quarters; q++)
                {
                    var cell = sheet.Cell(row, 2 + q).PutPublished(line.Values[q], format);
                    if (line.Preliminary[q]) Look.Preliminary(cell);
                    cell.Style.Font.Bold = region || q == quarters - 1;
                }
                Look.Status(sheet.Cell(row, 1 + quarters), line.Status);
                Look.Change(sheet.Cell(row, 2 + quarters), indicator, line.ChangeFromPrevious, line.ChangeFromPreviousPreliminary);
                Look.Change(sheet.Cell(row, 3 + quarters), indicator, line.ChangeFromYearBefore, line.ChangeFromYearBeforePreliminary);
                sheet.Cell(row, 4 + quarters).PutText(block.Target).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                Look.Status(sheet.Cell(row, 5 + quarters).PutText(IndicatorTexts.Status(line.Status)), line.Status);
                sheet.Cell(row, 6 + quarters).PutText(line.Preliminary[^1] ? "Preliminärt" : "");
                Look.Spc(sheet.Cell(row, 7 + quarters), line.Spc);
                row++;
            }
        }
        sheet.Range(HeaderRow + 1, headers.Length, row - 1, headers.Length).Style.Alignment.WrapText = true;
        Look.Widths(sheet, [18, .. Enumerable.Repeat(12.0, quarters), 14, 14, 8, 13, 12, 46]);
        for (var r = HeaderRow; r < row; r++) Look.FitWrappedRow(sheet, r);
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow), onePage: true);
    }

}
