using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Omtanke.Core.Reporting.Workbooks;
using SkiaSharp;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Omtanke.Tests.Reporting;

/// <summary>
/// A native chart as stored in the workbook: its title and, per series, its name, formula, cached points,
/// and the points drawn apart (a hollow mark) and the points reached by a dashed segment.
/// </summary>
public sealed record StoredChart(string Sheet, string Title, IReadOnlyList<StoredSeries> Series);

public sealed record StoredSeries(string Name, string ValuesFormula, IReadOnlyDictionary<int, double> Points,
    IReadOnlyList<int> HollowPoints, IReadOnlyList<int> DashedPoints);

/// <summary>Checks every produced workbook and chart image must pass.</summary>
public static class WorkbookChecks
{
    public static void PassesOpenXmlValidator(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, path);
    }

    /// <summary>No cell holds a formula, and text that looks like one is a text cell with the quote prefix.</summary>
    public static void HoldsNoFormulas(string path, int expectedFormulaLikeTexts)
    {
        using (var document = SpreadsheetDocument.Open(path, false))
            foreach (var part in document.WorkbookPart!.WorksheetParts)
                Assert.That(part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>(), Is.Empty, part.Uri.ToString());

        using var workbook = new XLWorkbook(path);
        var formulaLike = workbook.Worksheets.SelectMany(s => s.CellsUsed())
            .Where(c => c.DataType == XLDataType.Text && Cells.IsFormulaLike(c.GetString())).ToList();
        Assert.That(formulaLike, Has.Count.GreaterThanOrEqualTo(expectedFormulaLikeTexts));
        foreach (var cell in formulaLike)
        {
            Assert.That(cell.HasFormula, Is.False, cell.Address.ToString());
            Assert.That(cell.Style.IncludeQuotePrefix, Is.True, $"{cell.Worksheet.Name}!{cell.Address}");
        }
    }

    public static IReadOnlyList<StoredChart> Charts(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var charts = new List<StoredChart>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            if (part.DrawingsPart is null) continue;
            foreach (var chartPart in part.DrawingsPart.ChartParts)
            {
                var space = chartPart.ChartSpace;
                var title = string.Concat(space.Descendants<C.Title>().First().Descendants<DocumentFormat.OpenXml.Drawing.Text>().Select(t => t.Text));
                var series = space.Descendants<C.LineChartSeries>().Select(s => new StoredSeries(
                    s.SeriesText!.Descendants<C.NumericValue>().Single().Text,
                    s.GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text,
                    s.GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>()
                        .ToDictionary(p => (int)p.Index!.Value, p => double.Parse(p.NumericValue!.Text, System.Globalization.CultureInfo.InvariantCulture)),
                    DataPoints(s, p => p.GetFirstChild<C.Marker>()?.Descendants<DocumentFormat.OpenXml.Drawing.RgbColorModelHex>()
                        .Any(c => c.Val == "FFFFFF") == true),
                    DataPoints(s, p => p.GetFirstChild<C.ChartShapeProperties>()?.Descendants<DocumentFormat.OpenXml.Drawing.PresetDash>().Any() == true)))
                    .ToList();
                charts.Add(new StoredChart(sheet.Name!, title, series));
            }
        }
        return charts;
    }

    private static List<int> DataPoints(C.LineChartSeries series, Func<C.DataPoint, bool> which) =>
        series.Elements<C.DataPoint>().Where(which).Select(p => (int)p.Index!.Val!.Value).ToList();

    public static void IsChartImage(string pngPath)
    {
        Assert.That(new FileInfo(pngPath).Length, Is.GreaterThan(10_000), pngPath);
        using var bitmap = SKBitmap.Decode(pngPath);
        Assert.That(bitmap, Is.Not.Null, pngPath);
        Assert.That(bitmap.Width, Is.GreaterThan(400));
        var svg = Path.ChangeExtension(pngPath, ".svg");
        Assert.That(File.ReadAllText(svg), Does.StartWith("<?xml").And.Contain("<svg"), svg);
    }

    /// <summary>A cell's number, or null when it is empty or text.</summary>
    public static double? Number(IXLCell cell) => cell.DataType == XLDataType.Number && !cell.IsEmpty() ? cell.GetDouble() : null;
}
