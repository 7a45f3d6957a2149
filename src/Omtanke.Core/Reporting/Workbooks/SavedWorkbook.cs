using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
using Omtanke.Core.Reporting.Charts;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>
/// A line of a native chart: where its name and values are in the workbook, and how it is drawn;
/// <see cref="Trend"/> is the trend line it draws, if any, whose preliminary points are drawn apart.
/// </summary>
public sealed record NativeSeries(string Name, string NameCell, string ValuesRange, IReadOnlyList<double?> Values,
    string ColourHex, double WidthPoints, bool Dashed, bool Markers, ChartSeries? Trend = null);

/// <summary>
/// A native Excel line chart placed over a block of cells (zero-based, the "to" cell exclusive) of a
/// sheet, reading its categories and series from cell ranges, so a user can restyle or extend it.
/// </summary>
public sealed record NativeLineChart(string SheetName, int FromRow, int FromColumn, int ToRow, int ToColumn,
    string Title, string CategoriesRange, IReadOnlyList<string> Categories, IReadOnlyList<NativeSeries> Series,
    string NumberFormat, string AxisTitle);

/// <summary>
/// What ClosedXML 0.95 cannot do, done with the Open XML SDK on the saved file: native line charts (per
/// sheet a drawing part, per chart a chart part with a c:lineChart, its cached values written too, so
/// viewers that do not recalculate show what Excel shows), and print titles as absolute references.
/// </summary>
public static class SavedWorkbook
{
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    public static void Complete(string path, IReadOnlyList<NativeLineChart> charts)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        AbsolutePrintTitles(workbook.Workbook);
        foreach (var sheetCharts in charts.GroupBy(c => c.SheetName))
        {
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetCharts.Key);
            var worksheetPart = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var drawings = worksheetPart.AddNewPart<DrawingsPart>();
            drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
            uint shapeId = 1;
            foreach (var chart in sheetCharts)
            {
                var chartPart = drawings.AddNewPart<ChartPart>();
                chartPart.ChartSpace = ChartSpace(chart);
                drawings.WorksheetDrawing.Append(Anchor(chart, drawings.GetIdOfPart(chartPart), shapeId++));
            }
            InsertDrawingReference(worksheetPart.Worksheet, worksheetPart.GetIdOfPart(drawings));
        }
    }

    /// <summary>
    /// ClosedXML writes repeated header rows as <c>Sheet!3:3</c>; LibreOffice ignores that form and
    /// prints no header on later pages. Excel itself writes <c>Sheet!$3:$3</c>.
    /// </summary>
    private static void AbsolutePrintTitles(Workbook workbook)
    {
        foreach (var name in workbook.DefinedNames?.Elements<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles") ?? [])
            name.Text = System.Text.RegularExpressions.Regex.Replace(name.Text, @"!\$?(\d+):\$?(\d+)$", "!$$$1:$$$2");
        workbook.Save();
    }

    /// <summary>
    /// The worksheet's &lt;drawing&gt; must come before the elements the schema puts after it (ClosedXML
    /// writes &lt;tableParts&gt; and &lt;legacyDrawing&gt; for comments), or the file is invalid.
    /// </summary>
    private static void InsertDrawingReference(Worksheet worksheet, string relationshipId)
    {
        var drawing = new Drawing { Id = relationshipId };
        var next = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter
            or DrawingHeaderFooter or Picture or OleObjects or Controls or WebPublishItems or TableParts
            or WorksheetExtensionList);
        if (next is null) worksheet.Append(drawing);
        else worksheet.InsertBefore(drawing, next);
        worksheet.Save();
    }

    private static Xdr.TwoCellAnchor Anchor(NativeLineChart chart, string chartRelationshipId, uint shapeId) => new(
        Marker<Xdr.FromMarker>(chart.FromColumn, chart.FromRow),
        Marker<Xdr.ToMarker>(chart.ToColumn, chart.ToRow),
        new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(
                new Xdr.NonVisualDrawingProperties { Id = shapeId + 1, Name = $"Diagram {shapeId}", Description = chart.Title },
                new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelationshipId }) { Uri = ChartUri }))
        { Macro = "" },
        new Xdr.ClientData())
    { EditAs = Xdr.EditAsValues.OneCell };

    private static T Marker<T>(int column, int row) where T : OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0"));
        return marker;
    }

    private static C.ChartSpace ChartSpace(NativeLineChart chart)
    {
        const uint categoryAxisId = 500001, valueAxisId = 500002;
        var lineChart = new C.LineChart(
            new C.Grouping { Val = C.GroupingValues.Standard },
            new C.VaryColors { Val = false });
        for (var i = 0; i < chart.Series.Count; i++) lineChart.Append(Series(chart, chart.Series[i], (uint)i));
        lineChart.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = categoryAxisId }, new C.AxisId { Val = valueAxisId });

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "sv-SE" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(RichText(chart.Title, 1200, bold: true), new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    lineChart,
                    new C.CategoryAxis(
                        new C.AxisId { Val = categoryAxisId },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                        new C.CrossingAxis { Val = valueAxisId },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = valueAxisId },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(Solid("D9D9D9")))),
                        new C.Title(RichText(chart.AxisTitle, 900, bold: false), new C.Overlay { Val = false }),
                        new C.NumberingFormat { FormatCode = chart.NumberFormat, SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = categoryAxisId },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Right }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                // A hidden or missing value is an empty cell: a gap in the line, never a zero.
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
    }

    private static C.LineChartSeries Series(NativeLineChart chart, NativeSeries series, uint index)
    {
        var outline = new A.Outline(Solid(series.ColourHex)) { Width = (int)(series.WidthPoints * 12700) };
        if (series.Dashed) outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
        var marker = series.Markers
            ? new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 },
                new C.ChartShapeProperties(Solid(series.ColourHex), new A.Outline(Solid(series.ColourHex))))
            : new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.None });

        var points = new C.NumberingCache(new C.FormatCode(chart.NumberFormat),
            new C.PointCount { Val = (uint)series.Values.Count });
        for (var i = 0; i < series.Values.Count; i++)
            if (series.Values[i] is { } v)
                points.Append(new C.NumericPoint(new C.NumericValue(v.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });

        return new C.LineChartSeries([
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.StringReference(new C.Formula(series.NameCell), StringCache([series.Name]))),
            new C.ChartShapeProperties(outline),
            marker,
            .. PreliminaryPoints(series),
            new C.CategoryAxisData(new C.StringReference(new C.Formula(chart.CategoriesRange), StringCache(chart.Categories))),
            new C.Values(new C.NumberReference(new C.Formula(series.ValuesRange), points)),
            new C.Smooth { Val = false }]);
    }

    /// <summary>
    /// Data points drawn apart: a point's line formatting is that of the segment ending at it, so the
    /// segments into and out of a preliminary value are dashed, and the value itself is a white ring.
    /// </summary>
    private static IEnumerable<C.DataPoint> PreliminaryPoints(NativeSeries series)
    {
        if (series.Trend is not { } line) yield break;
        for (var i = 0; i < line.Values.Count; i++)
        {
            if (!line.DashedInto(i)) continue;
            var point = new C.DataPoint(new C.Index { Val = (uint)i });
            if (line.Preliminary[i])
                point.Append(new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 7 },
                    new C.ChartShapeProperties(Solid("FFFFFF"), new A.Outline(Solid(series.ColourHex)))));
            point.Append(new C.ChartShapeProperties(new A.Outline(Solid(series.ColourHex), new A.PresetDash { Val = A.PresetLineDashValues.Dash })
                { Width = (int)(series.WidthPoints * 12700) }));
            yield return point;
        }
    }

    private static C.StringCache StringCache(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
            cache.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        return cache;
    }

    private static A.SolidFill Solid(string hex) => new(new A.RgbColorModelHex { Val = hex });

    private static C.ChartText RichText(string text, int size, bool bold) => new(new C.RichText(
        new A.BodyProperties(),
        new A.ListStyle(),
        new A.Paragraph(
            new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = size, Bold = bold }),
            new A.Run(new A.RunProperties { Language = "sv-SE", FontSize = size, Bold = bold }, new A.Text(text)))));
}
