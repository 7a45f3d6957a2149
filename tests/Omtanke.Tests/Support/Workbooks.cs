using ClosedXML.Excel;

namespace Omtanke.Tests;

/// <summary>Test workbooks written with ClosedXML: real Excel cells, typed as given (DateTime becomes a date cell).</summary>
public static class Workbooks
{
    /// <summary>Row 1 is the header; each further row is written from row 2 on, a null row leaving an empty row.</summary>
    public static void Fill(IXLWorksheet sheet, IReadOnlyList<string> header, params object?[]?[] rows)
    {
        for (var c = 0; c < header.Count; c++) sheet.Cell(1, c + 1).Value = header[c];
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r] is not { } row) continue;
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is null) continue;
                var cell = sheet.Cell(r + 2, c + 1);
                if (row[c] is string s) cell.SetValue(s); // text stays text, even "1380" or "2024-03-05"
                else cell.Value = row[c];
            }
        }
    }
}
