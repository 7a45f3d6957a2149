using ClosedXML.Excel;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>
/// Leveranser: what is missing for the report's month, which delivery currently holds each source's
/// month and municipality, and those deliveries: file, when, by whom.
/// </summary>
public static class DeliveriesSheet
{
    public const string Name = "Leveranser";
    private const int GridColumns = 2;

    public static void Write(XLWorkbook workbook, DeliveryCoverage coverage, IReadOnlyList<DateOnly> months, string footer)
    {
        var month = months[^1];
        var sheet = workbook.AddWorksheet(Name);
        var lastColumn = Math.Max(GridColumns + months.Count, 14);
        Look.Title(sheet, 1, $"Leveranser – underlaget för {Periods.SwedishMonth(month)}");
        Look.Note(sheet, 2, "Aktuell leverans = den senast importerade filen för källan, månaden och kommunen; tidigare leveranser av samma del är ersatta.");

        var row = 4;
        Look.AreaBand(sheet, row++, lastColumn, $"Saknas för {Periods.SwedishMonth(month)}");
        var missing = Missing(coverage, month).ToList();
        if (missing.Count == 0)
            sheet.Cell(row++, 1).PutText("Alla källor har leveranser för alla kommuner.");
        else
        {
            Header(sheet, row++, ["Källa", "Kommun", "Vad saknas"]);
            foreach (var (source, area, what) in missing)
            {
                sheet.Cell(row, 1).PutText(source);
                sheet.Cell(row, 2).PutText(area);
                sheet.Cell(row, 3).PutText(what);
                row++;
            }
        }

        row++;
        Look.AreaBand(sheet, row++, lastColumn, "Aktuell leverans per källa, kommun och månad (leveransnummer)");
        Header(sheet, row++, ["Källa", "Kommun", .. months.Select(Periods.Label)]);
        foreach (var source in MonthlySources)
        {
            foreach (var area in Areas.Municipalities.Keys)
            {
                sheet.Cell(row, 1).PutText(source.Title);
                sheet.Cell(row, 2).PutText(Areas.Name(area));
                for (var i = 0; i < months.Count; i++) GridCell(sheet.Cell(row, GridColumns + 1 + i), coverage, source, months[i], area);
                row++;
            }
            sheet.Range(row - Areas.Municipalities.Count, 1, row - 1, GridColumns + months.Count).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        }

        row++;
        Look.AreaBand(sheet, row++, lastColumn, "Leveranserna");
        // The list shares its columns with the grid above: wide fields span several month columns.
        int[] spans = [1, 1, 2, 2, 1, 1, 1, 2, 3];
        SpannedRow(sheet, row, spans, ["Fil", "Leverans", "Källa", "Importerad", "Av", "Via", "Rader i filen", "Aktuella månader", "Kommuner"]);
        Look.Header(sheet.Range(row, 1, row, spans.Sum()));
        row++;
        foreach (var delivery in coverage.Deliveries.OrderBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.Id))
        {
            var slices = coverage.SlicesOf(delivery.Id).ToList();
            var cells = SpannedRow(sheet, row, spans,
            [
                delivery.FileName, $"#{delivery.Id}", SourceCatalog.Find(delivery.Source)?.Title ?? delivery.Source, "",
                delivery.ImportedBy, delivery.ImportedVia, "", MonthRange(slices), Municipalities(slices),
            ]);
            cells[3].SetValue(delivery.ImportedAt.LocalDateTime).Style.NumberFormat.Format = NumberFormats.Date;
            cells[3].Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            cells[6].PutNumber(delivery.Rows, "#,##0");
            sheet.Range(row, 1, row, spans.Sum()).Style.Alignment.WrapText = true;
            sheet.Range(row, 1, row, spans.Sum()).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            row++;
        }

        Look.Widths(sheet, [38, 14, .. Enumerable.Repeat(10.0, Math.Max(months.Count, spans.Sum() - 2))]);
        for (var r = 1; r < row; r++)
            if (sheet.Row(r).Cells().Any(c => c.Style.Alignment.WrapText)) Look.FitWrappedRow(sheet, r);
        sheet.SheetView.FreezeRows(2);
        Look.Print(sheet, footer, (1, 2));
    }

    /// <summary>Writes texts into cells spanning the given numbers of columns; returns each span's first cell.</summary>
    private static List<IXLCell> SpannedRow(IXLWorksheet sheet, int row, IReadOnlyList<int> spans, IReadOnlyList<string> texts)
    {
        var cells = new List<IXLCell>();
        var column = 1;
        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i] > 1) sheet.Range(row, column, row, column + spans[i] - 1).Merge();
            cells.Add(sheet.Cell(row, column).PutText(texts[i]));
            column += spans[i];
        }
        return cells;
    }

    private static IEnumerable<SourceDefinition> MonthlySources => SourceCatalog.All.Where(s => s.Id != BefolkningSource.Id);

    private static void Header(IXLWorksheet sheet, int row, IReadOnlyList<string> titles)
    {
        for (var i = 0; i < titles.Count; i++) sheet.Cell(row, i + 1).PutText(titles[i]);
        Look.Header(sheet.Range(row, 1, row, titles.Count));
    }

    /// <summary>
    /// The delivery number where one holds the slice. Without one, a row-level source that has data for
    /// the month simply had no rows for the municipality (its counts are 0); otherwise the slice is missing.
    /// </summary>
    private static void GridCell(IXLCell cell, DeliveryCoverage coverage, SourceDefinition source, DateOnly month, string area)
    {
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        if (coverage.Slice(source.Id, month, area) is { } slice)
        {
            cell.PutText($"#{slice.DeliveryId}");
            cell.Style.Fill.BackgroundColor = Look.MetFill;
        }
        else if (source.Granularity == SourceGranularity.RowLevel && coverage.SourceHasMonth(source.Id, month))
            cell.PutText("0 rader").Style.Font.FontColor = Look.NoteFont;
        else
        {
            cell.PutText("saknas");
            cell.Style.Fill.BackgroundColor = Look.NotMetFill;
            cell.Style.Font.FontColor = Look.NotMetFont;
        }
    }

    private static IEnumerable<(string Source, string Area, string What)> Missing(DeliveryCoverage coverage, DateOnly month)
    {
        foreach (var source in MonthlySources)
        {
            if (source.Granularity == SourceGranularity.RowLevel && !coverage.SourceHasMonth(source.Id, month))
            {
                yield return (source.Title, "Alla", "Ingen leverans för månaden");
                continue;
            }
            foreach (var area in Areas.Municipalities.Keys.Where(a => coverage.Slice(source.Id, month, a) is null))
                yield return (source.Title, Areas.Name(area), source.Granularity == SourceGranularity.RowLevel
                    ? "Inga rader för kommunen (räknas som 0)"
                    : "Ingen leverans för kommunen");
        }
        var populationYear = month.Year - 1;
        foreach (var area in Areas.Municipalities.Keys.Where(a => coverage.Slice(BefolkningSource.Id, new DateOnly(populationYear, 12, 1), a) is null))
            yield return (BefolkningSource.Definition.Title, Areas.Name(area),
                $"Befolkning 31 december {populationYear} saknas; närmast tidigare år används");
    }

    private static string MonthRange(IReadOnlyList<CurrentSlice> slices)
    {
        if (slices.Count == 0) return "";
        var (first, last) = (slices.Min(s => s.Month), slices.Max(s => s.Month));
        return first == last ? Periods.Label(first) : $"{Periods.Label(first)} – {Periods.Label(last)}";
    }

    private static string Municipalities(IReadOnlyList<CurrentSlice> slices)
    {
        var codes = slices.Select(s => s.Kommunkod).Where(Areas.IsMunicipality).Distinct().Order(StringComparer.Ordinal).ToList();
        return codes.Count == Areas.Municipalities.Count ? "Alla sex" : string.Join(", ", codes.Select(Areas.Name));
    }
}
