using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>
/// A sheet of indicator blocks, one under the other: per indicator a table of areas over periods (the
/// report's period in bold, targets coloured, preliminary values in italics), its target row, and a
/// native line chart of the same numbers below it. Each block starts a printed page.
/// </summary>
public sealed class TrendSheet
{
    public const int HeaderRow = 3;
    private const int ChartRows = 18;
    private readonly IXLWorksheet _sheet;
    private readonly ReportData _data;
    private readonly ChartDataSheet _chartData;
    private readonly IReadOnlyList<(string Label, DateOnly Start)> _periods;
    private readonly IReadOnlyList<string> _areas;
    private readonly string _highlight;
    private readonly List<NativeLineChart> _charts = [];
    private int _nextRow = HeaderRow + 2;

    public TrendSheet(XLWorkbook workbook, string name, string title, string note, ReportData data, ChartDataSheet chartData,
        IReadOnlyList<(string Label, DateOnly Start)> periods, IReadOnlyList<string> areas, string highlightPeriod)
    {
        _sheet = workbook.AddWorksheet(name);
        (_data, _chartData, _periods, _areas, _highlight) = (data, chartData, periods, areas, highlightPeriod);
        Look.Title(_sheet, 1, title);
        Look.Note(_sheet, 2, note);
        _sheet.Cell(HeaderRow, 1).PutText("Kommun/region");
        for (var i = 0; i < periods.Count; i++)
        {
            var cell = _sheet.Cell(HeaderRow, i + 2).PutText(periods[i].Label);
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
        Look.Header(_sheet.Range(HeaderRow, 1, HeaderRow, LastColumn));
        _sheet.SheetView.FreezeRows(HeaderRow);
        _sheet.SheetView.FreezeColumns(1);
        Look.Widths(_sheet, [18, .. Enumerable.Repeat(9.0, periods.Count)]);
    }

    private int LastColumn => _periods.Count + 1;

    public IReadOnlyList<NativeLineChart> Charts => _charts;

    public void Add(IndicatorDefinition indicator)
    {
        var top = _nextRow;
        if (top > HeaderRow + 2) _sheet.PageSetup.AddHorizontalPageBreak(top - 1);
        var format = NumberFormats.Value(indicator);
        var target = _data.TargetAt(indicator, _periods[^1].Start);
        Look.IndicatorBand(_sheet, top, LastColumn, IndicatorTexts.NameWithUnit(indicator));
        var about = new[]
        {
            IndicatorTexts.Direction(indicator.Better),
            target is null ? "Inget mål" : "Mål " + IndicatorTexts.Target(target),
            "Styrdiagram för Region Halland: " + RegionChart(indicator),
        };
        Look.Note(_sheet, top + 1, string.Join(" · ", about));

        var row = top + 2;
        foreach (var area in _areas)
        {
            var name = _sheet.Cell(row, 1).PutText(Areas.Name(area));
            name.Style.Font.Bold = area == Areas.Region;
            for (var i = 0; i < _periods.Count; i++)
            {
                var (label, start) = _periods[i];
                var cell = _sheet.Cell(row, i + 2).PutPublished(_data.Published(indicator, area, label), format);
                Look.Status(cell, _data.Status(indicator, area, label, start));
                if (_data.IsPreliminary(indicator, area, label)) Look.Preliminary(cell);
                cell.Style.Font.Bold = label == _highlight || area == Areas.Region;
            }
            row++;
        }
        var chart = TrendChartData.Build(_data, indicator, _areas, _periods);
        if (chart.HasTarget)
        {
            _sheet.Cell(row, 1).PutText(TrendChartData.TargetName).Style.Font.FontColor = Look.NotMetFont;
            for (var i = 0; i < _periods.Count; i++)
                if (chart.Target[i] is { } t) _sheet.Cell(row, i + 2).PutNumber((decimal)t, format).Style.Font.FontColor = Look.NotMetFont;
            row++;
        }
        _sheet.Range(top + 2, 1, row - 1, LastColumn).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        _sheet.Range(top + 2, 1, row - 1, 1).Style.Border.RightBorder = XLBorderStyleValues.Thin;

        // The chart sits under the table, over as many columns; anchors are zero-based.
        _charts.Add(_chartData.Chart(chart, format, _sheet.Name, row, 0, row + ChartRows, Math.Max(LastColumn, 10)));
        _nextRow = row + ChartRows + 2;
    }

    /// <summary>The region's chart over the report's SPC months: its kind, σz, or that it is not judged.</summary>
    private string RegionChart(IndicatorDefinition indicator)
    {
        var result = _data.Spc(indicator, Areas.Region, Periods.MonthsEndingWith(_periods[^1].Start, MonthlyReport.SpcMonths));
        return SpcChart.ChartName(result) + (result.Judged ? "" : $" ({SpcSignalText.NotJudged.ToLowerInvariant()})");
    }

    public void Finish(string footer) => Look.Print(_sheet, footer, (HeaderRow, HeaderRow));
}
