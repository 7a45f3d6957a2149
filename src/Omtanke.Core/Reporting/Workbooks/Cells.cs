using ClosedXML.Excel;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>
/// Every value a workbook shows goes through here. Text is always a text cell (never parsed into a
/// number, date or formula), and text that a spreadsheet would start a formula from gets Excel's
/// quote prefix, so it stays text even when a user edits the cell: file names, hospital and ward names
/// come from extracts and must not be able to run anything.
/// </summary>
public static class Cells
{
    public static bool IsFormulaLike(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static IXLCell PutText(this IXLCell cell, string text)
    {
        cell.SetValue(text);
        if (IsFormulaLike(text)) cell.Style.IncludeQuotePrefix = true;
        return cell;
    }

    public static IXLCell PutNumber(this IXLCell cell, decimal value, string format)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format;
        return cell;
    }

    /// <summary>A published value: its number, its disclosure symbol (right-aligned like a number), or nothing.</summary>
    public static IXLCell PutPublished(this IXLCell cell, PublishedValue value, string format)
    {
        if (value.Number is { } number) return cell.PutNumber(number, format);
        if (value.Symbol is { } symbol)
        {
            cell.PutText(symbol);
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
        return cell;
    }
}
