using ClosedXML.Excel;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Spc;

namespace Omtanke.Core.Reporting.Workbooks;

/// <summary>Definitioner: what each indicator measures, and what the report's symbols and colours mean.</summary>
public static class DefinitionsSheet
{
    public const string Name = "Definitioner";
    public const int HeaderRow = 3;

    private static readonly string[] Headers =
    [
        "Område", "Indikator", "Definition", "Täljare", "Nämnare", "Källa", "Riktning", "Mål", "Enhet", "Röjandeskydd", "Id",
    ];

    private static readonly (string Term, string Meaning)[] Legend =
    [
        ("..", "Dolt värde. En andel eller kvot med nämnare under röjandeskyddets gräns, eller ett värde som döljs för att ett annat dolt värde inte ska kunna räknas fram."),
        ("Kursiv", "Preliminärt värde: underlaget är ofullständigt eller kan ändras av senare leveranser."),
        ("Grönt / rött", "Målet uppfyllt / ej uppfyllt för perioden."),
        ("Region Halland", "De sex kommunerna tillsammans: summan av täljarna delad med summan av nämnarna, aldrig ett medelvärde av kommunernas värden."),
        ("Styrdiagram", "p-diagram för andelar, u-diagram för övriga kvoter och medelvärden, seriediagram för antal. Mittlinjen är det sammanvägda värdet (seriediagram: medianen) för de senaste 24 månaderna; styrgränserna ligger tre standardavvikelser från mittlinjen och beräknas för varje månad ur dess egen nämnare. Dolda värden ingår inte. Preliminära värden ritas som ofyllda ringar men ingår inte i mittlinjen, styrgränserna eller seriereglerna och ger inga signaler: de kan fortfarande ändras."),
        (SpcSignalText.Above + " / " + SpcSignalText.Below, "Månadens värde ligger utanför styrgränserna: sannolikt en verklig förändring, inte slumpmässig variation."),
        (SpcSignalText.LongRun, "Månaden ingår i en ovanligt lång serie värden på samma sida om mittlinjen (längre än avrundat log2(n) + 3 punkter): tecken på en bestående förändring."),
        (SpcSignalText.FewCrossings, "Serien korsar mittlinjen ovanligt få gånger (färre än 5:e percentilen av Binomial(n − 1; 0,5)): tecken på en trend."),
        ("Diagramdata", "Bladet med de värden som arbetsbokens diagram ritar; dolda värden är tomma celler."),
    ];

    public static void Write(XLWorkbook workbook, ReportData data, IReadOnlyList<ReportSection> sections, DateOnly periodStart,
        string footer)
    {
        var sheet = workbook.AddWorksheet(Name);
        Look.Title(sheet, 1, "Definitioner");
        Look.Note(sheet, 2, "Indikatorerna enligt den gemensamma indikatorspecifikationen för Omtanke Halland.");
        for (var i = 0; i < Headers.Length; i++) sheet.Cell(HeaderRow, i + 1).PutText(Headers[i]);
        Look.Header(sheet.Range(HeaderRow, 1, HeaderRow, Headers.Length));

        var row = HeaderRow + 1;
        foreach (var (area, indicators) in sections)
            foreach (var indicator in indicators)
            {
                string[] cells =
                [
                    area.Name, indicator.Name, IndicatorTexts.Definition(indicator), indicator.NumeratorText,
                    indicator.DenominatorText ?? "–", IndicatorTexts.Source(indicator), IndicatorTexts.Direction(indicator.Better),
                    IndicatorTexts.TargetSince(data.TargetAt(indicator, periodStart)), indicator.Unit,
                    indicator.PersonBased ? "Ja" : "Nej", indicator.Id,
                ];
                for (var i = 0; i < cells.Length; i++) sheet.Cell(row, i + 1).PutText(cells[i]);
                row++;
            }
        var table = sheet.Range(HeaderRow + 1, 1, row - 1, Headers.Length);
        table.Style.Alignment.WrapText = true;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Range(HeaderRow, 1, row - 1, Headers.Length).SetAutoFilter();

        row++;
        Look.AreaBand(sheet, row++, Headers.Length, "Teckenförklaring");
        (string, string)[] legend =
        [
            Legend[0],
            (Disclosure.SmallCountSymbol(data.Disclosure), $"Dolt antal mellan 1 och {data.Disclosure.Limit - 1} (röjandeskydd för personbaserade indikatorer)."),
            .. Legend[1..],
        ];
        foreach (var (term, meaning) in legend)
        {
            var termCell = sheet.Cell(row, 1).PutText(term);
            termCell.Style.Font.Bold = true;
            termCell.Style.Alignment.WrapText = true;
            termCell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            var text = sheet.Range(row, 2, row, 5).Merge();
            text.FirstCell().PutText(meaning);
            text.Style.Alignment.WrapText = true;
            text.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            row++;
        }

        Look.Widths(sheet, 16, 30, 34, 34, 26, 22, 12, 14, 12, 13, 24);
        for (var r = HeaderRow; r < row; r++) Look.FitWrappedRow(sheet, r);
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow));
    }
}
