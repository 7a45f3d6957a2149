using ClosedXML.Excel;
using Omtanke.Core.Reporting.Charts;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>
/// The <c>Diagramdata</c> sheet: the numbers the native charts read. The tables users read show a hidden
/// value as <c>..</c>, which a chart would draw as zero; here it is an empty cell, which the chart skips.
/// </summary>
public sealed class ChartDataSheet
{
    public const string SheetName = "Diagramdata";
    private readonly IXLWorksheet _sheet;
    private int _nextRow = 4;
    private int _widestBlock;

    public ChartDataSheet(XLWorkbook workbook)
    {
        _sheet = workbook.AddWorksheet(SheetName);
        Look.Title(_sheet, 1, "Diagramdata");
        Look.Note(_sheet, 2, "Värdena som diagrammen i arbetsboken ritar. Tomma celler saknar värde eller är dolda av röjandeskyddet.");
    }

    /// <summary>Writes the chart's data and returns the chart, placed over the given cells of a sheet.</summary>
    public NativeLineChart Chart(TrendChartData data, string numberFormat, string sheetName, int fromRow, int fromColumn,
        int toRow, int toColumn)
    {
        var header = _nextRow + 1;
        _sheet.Cell(_nextRow, 1).PutText(data.Title).Style.Font.Bold = true;
        _sheet.Cell(header, 1).PutText("Serie");
        for (var i = 0; i < data.Categories.Count; i++) _sheet.Cell(header, i + 2).PutText(data.Categories[i]);
        Look.Header(_sheet.Range(header, 1, header, data.Categories.Count + 1));

        var row = header + 1;
        var series = new List<NativeSeries>();
        foreach (var s in data.Series)
            series.Add(WriteSeries(row++, s.Name, s.Values, numberFormat, s.ColourHex, s.Emphasised ? 2.75 : 1.5, false, true) with
            {
                Trend = s,
            });
        if (data.HasTarget)
            series.Add(WriteSeries(row++, TrendChartData.TargetName, data.Target, numberFormat, ChartPalette.Target, 1.75, true, false));

        _nextRow = row + 1;
        _widestBlock = Math.Max(_widestBlock, data.Categories.Count);
        var categories = Reference(SheetName, header, 2, header, data.Categories.Count + 1);
        return new NativeLineChart(sheetName, fromRow, fromColumn, toRow, toColumn, data.Title, categories, data.Categories,
            series, numberFormat, data.Unit);
    }

    private NativeSeries WriteSeries(int row, string name, IReadOnlyList<double?> values, string numberFormat, string colour,
        double width, bool dashed, bool markers)
    {
        _sheet.Cell(row, 1).PutText(name);
        for (var i = 0; i < values.Count; i++)
            if (values[i] is { } v) _sheet.Cell(row, i + 2).PutNumber((decimal)v, numberFormat);
        return new NativeSeries(name, Reference(SheetName, row, 1, row, 1),
            Reference(SheetName, row, 2, row, values.Count + 1), values, colour, width, dashed, markers);
    }

    /// <summary>Sets widths and moves the sheet to the end of the workbook, after the sheets people read.</summary>
    public void Finish(string footer)
    {
        Look.Widths(_sheet, [22, .. Enumerable.Repeat(10.0, _widestBlock)]);
        _sheet.SheetView.FreezeColumns(1);
        _sheet.Position = _sheet.Workbook.Worksheets.Count;
        Look.Print(_sheet, footer, null);
    }

    /// <summary>An absolute reference to a range of a sheet, quoted as formulas need it: 'Diagramdata'!$B$5:$N$5.</summary>
    private static string Reference(string sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) =>
        $"'{sheet.Replace("'", "''")}'!{Cell(firstRow, firstColumn)}" +
        (firstRow == lastRow && firstColumn == lastColumn ? "" : ":" + Cell(lastRow, lastColumn));

    private static string Cell(int row, int column) => $"${ClosedXML.Excel.XLHelper.GetColumnLetterFromNumber(column)}${row}";
}
