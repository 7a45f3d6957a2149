using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>The finished look every workbook shares: titles, headers, target and signal colours, print setup, properties.</summary>
public static class Look
{
    public const string Author = "Region Halland – Omtanke Halland";

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E1F2");
    private static readonly XLColor AreaFill = XLColor.FromHtml("#1F3864");
    private static readonly XLColor IndicatorFill = XLColor.FromHtml("#EDEDED");
    public static readonly XLColor MetFill = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor MetFont = XLColor.FromHtml("#006100");
    public static readonly XLColor NotMetFill = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor NotMetFont = XLColor.FromHtml("#9C0006");
    public static readonly XLColor Better = XLColor.FromHtml("#006100");
    public static readonly XLColor Worse = XLColor.FromHtml("#9C0006");
    public static readonly XLColor NoteFont = XLColor.FromHtml("#595959");

    public static void Title(IXLWorksheet sheet, int row, string text)
    {
        var cell = sheet.Cell(row, 1).PutText(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 16;
        sheet.Row(row).Height = 24;
    }

    public static void Note(IXLWorksheet sheet, int row, string text)
    {
        var cell = sheet.Cell(row, 1).PutText(text);
        cell.Style.Font.FontColor = NoteFont;
        cell.Style.Font.Italic = true;
    }

    public static void Header(IXLRange range)
    {
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>A band naming a report area, across the table's width.</summary>
    public static void AreaBand(IXLWorksheet sheet, int row, int lastColumn, string text)
    {
        var range = sheet.Range(row, 1, row, lastColumn);
        range.Merge().FirstCell().PutText(text);
        range.Style.Font.Bold = true;
        range.Style.Font.FontSize = 13;
        range.Style.Font.FontColor = XLColor.White;
        range.Style.Fill.BackgroundColor = AreaFill;
        sheet.Row(row).Height = 20;
    }

    /// <summary>A band naming an indicator, with its unit, direction and target, across the table's width.</summary>
    public static void IndicatorBand(IXLWorksheet sheet, int row, int lastColumn, string text)
    {
        var range = sheet.Range(row, 1, row, lastColumn);
        range.Merge().FirstCell().PutText(text);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = IndicatorFill;
    }

    public static void Status(IXLCell cell, TargetStatus status)
    {
        var (fill, font) = status switch
        {
            TargetStatus.Met => (MetFill, MetFont),
            TargetStatus.NotMet => (NotMetFill, NotMetFont),
            _ => (null, null),
        };
        if (fill is null) return;
        cell.Style.Fill.BackgroundColor = fill;
        cell.Style.Font.FontColor = font;
    }

    /// <summary>A month's or quarter's SPC verdict, coloured as the charts mark it (blue better, orange worse, purple neither).</summary>
    public static void Spc(IXLCell cell, SpcVerdict? verdict)
    {
        if (verdict is null || verdict.Tone == SpcTone.None) return;
        cell.PutText(verdict.Text);
        if (verdict.Tone == SpcTone.NotJudged)
        {
            cell.Style.Font.FontColor = NoteFont;
            cell.Style.Font.Italic = true;
            return;
        }
        var (fill, font) = verdict.Tone switch
        {
            SpcTone.Improvement => ("#DCE9F7", ChartPalette.Improvement),
            SpcTone.Concern => ("#FCE4D6", "C55A11"),
            _ => ("#EAE1F2", "5B3A7A"),
        };
        cell.Style.Fill.BackgroundColor = XLColor.FromHtml(fill);
        cell.Style.Font.FontColor = XLColor.FromHtml("#" + font);
    }

    /// <summary>
    /// A change, green when it goes the better way and red when the worse; in italic and uncoloured when
    /// either value is preliminary (<see cref="ChangeDirection"/>).
    /// </summary>
    public static void Change(IXLCell cell, IndicatorDefinition indicator, PublishedValue change, bool eitherPreliminary)
    {
        cell.PutPublished(change, NumberFormats.Change(indicator));
        if (ChangeDirection.Of(indicator, change, eitherPreliminary) is { } better) cell.Style.Font.FontColor = better ? Better : Worse;
        if (eitherPreliminary && !change.IsMissing) Preliminary(cell);
    }

    public static void Preliminary(IXLCell cell) => cell.Style.Font.Italic = true;

    /// <summary>What the meeting should look at: a material revision, an action due.</summary>
    public static void Attention(IXLCell cell)
    {
        cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#FFEB9C");
        cell.Style.Font.FontColor = XLColor.FromHtml("#9C5700");
    }

    public static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++) sheet.Column(i + 1).Width = widths[i];
    }

    /// <summary>
    /// Sets a row's height to fit its wrapped text. Without libgdiplus nothing can measure text, and
    /// Excel does not grow rows on opening, so the lines are estimated from each wrapping text cell's
    /// characters and width (merged cells use the merged width).
    /// </summary>
    public static void FitWrappedRow(IXLWorksheet sheet, int row)
    {
        var lines = sheet.Row(row).CellsUsed()
            .Where(cell => cell.DataType == XLDataType.Text && cell.Style.Alignment.WrapText)
            .Select(cell =>
            {
                var width = cell.IsMerged() ? cell.MergedRange().Columns().Sum(c => c.WorksheetColumn().Width) : cell.WorksheetColumn().Width;
                var perLine = Math.Max(1, (int)(width * 1.1));
                return cell.GetString().Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Length / (double)perLine)));
            }).DefaultIfEmpty(1).Max();
        sheet.Row(row).Height = 15 * lines;
    }

    /// <summary>A4 landscape, one page wide, the header rows repeated on every page, page numbers in the footer.</summary>
    public static void Print(IXLWorksheet sheet, string footer, (int First, int Last)? repeatRows, bool onePage = false)
    {
        var setup = sheet.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.FitToPages(1, onePage ? 1 : 0);
        setup.Margins.Left = setup.Margins.Right = 0.4;
        setup.Margins.Top = setup.Margins.Bottom = 0.5;
        setup.Margins.Header = setup.Margins.Footer = 0.25;
        if (repeatRows is var (first, last)) setup.SetRowsToRepeatAtTop(first, last);
        setup.Footer.Left.AddText(footer);
        setup.Footer.Right.AddText("Sida ");
        setup.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        setup.Footer.Right.AddText(" av ");
        setup.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    public static void Properties(XLWorkbook workbook, string title, string subject, DateTime created)
    {
        workbook.Properties.Title = title;
        workbook.Properties.Subject = subject;
        workbook.Properties.Author = Author;
        workbook.Properties.Company = "Region Halland";
        workbook.Properties.Created = created;
        workbook.Properties.Modified = created;
    }
}
