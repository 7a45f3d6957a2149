using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Extracts;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>A breakdown as a filterable long table: one row per period and group, a total row per period, one column per measure.</summary>
public static class BreakdownSheet
{
    public const int HeaderRow = 3;
    public const string TotalLabel = "Totalt";

    public static void Write(XLWorkbook workbook, Breakdown breakdown, IReadOnlyList<BreakdownRow> rows, DisclosureSettings disclosure,
        string place, string footer)
    {
        var sheet = workbook.AddWorksheet(breakdown.SheetName);
        var measures = breakdown.AllMeasures.ToList();
        var quarterly = breakdown.Period == BreakdownPeriod.Quarter;
        Look.Title(sheet, 1, $"{breakdown.Title} – {place}");
        Look.Note(sheet, 2, (quarterly ? "Per kvartal" : "Per månad") +
            $", med en totalrad per {(quarterly ? "kvartal" : "månad")}. {Disclosure.Note(disclosure)}. Filtrera med pilarna i rubrikraden.");
        string[] headers = [quarterly ? "Kvartal" : "Månad", .. breakdown.Dimensions.Select(d => d.Heading), .. measures.Select(m => m.Heading)];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(HeaderRow, i + 1).PutText(headers[i]);
        Look.Header(sheet.Range(HeaderRow, 1, HeaderRow, headers.Length));

        var groups = breakdown.Dimensions.Count;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = HeaderRow + 1 + r;
            sheet.Cell(row, 1).PutText(rows[r].Period);
            for (var g = 0; g < groups; g++) sheet.Cell(row, 2 + g).PutText(rows[r].IsTotal ? (g == 0 ? TotalLabel : "") : rows[r].Groups[g]);
            for (var m = 0; m < measures.Count; m++)
                sheet.Cell(row, 2 + groups + m).PutPublished(Disclosure.Publish(measures[m], rows[r].Measures[m], disclosure),
                    measures[m] is RatioMeasure ratio ? ratio.Format : "#,##0");
            if (rows[r].IsTotal) sheet.Row(row).Style.Font.Bold = true;
        }
        sheet.Range(HeaderRow, 1, HeaderRow + Math.Max(rows.Count, 1), headers.Length).SetAutoFilter();
        Look.Widths(sheet, [10, .. Enumerable.Repeat(26.0, groups), .. Enumerable.Repeat(16.0, measures.Count)]);
        Look.FitWrappedRow(sheet, HeaderRow);
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow));
    }
}
