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
        "Område", "Indikator", "Definition", "Täljare", "Nämnare", "Källa", "Riktning", "Mål", "Enhet", "Röjandeskydd", "Styrdiagram", "Id",
    ];

    private static readonly (string Term, string Meaning)[] Legend =
    [
        ("..", "Dolt värde. En andel eller kvot med nämnare under röjandeskyddets gräns, eller ett värde som döljs för att ett annat dolt värde inte ska kunna räknas fram."),
        ("Kursiv", "Preliminärt värde: underlaget är ofullständigt eller kan ändras av senare leveranser."),
        ("Grönt / rött", "Målet uppfyllt / ej uppfyllt för perioden."),
        ("Region Halland", "De sex kommunerna tillsammans: summan av täljarna delad med summan av nämnarna, aldrig ett medelvärde av kommunernas värden."),
        ("Styrdiagram", "Vilket diagram varje indikator får och varför står i kolumnen Styrdiagram ovan. Mittlinjen är det sammanvägda värdet (summan av täljarna delad med summan av nämnarna; seriediagram: medianen) för upp till de senaste 24 månaderna; styrgränserna ligger tre standardavvikelser från mittlinjen och beräknas för varje månad ur dess egen nämnare. Med stora nämnare varierar verkliga processer mer än binomial- eller Poissonmodellen tillåter (överspridning), och nästan varje månad skulle hamna utanför gränserna: då (σz > 1) används Laneys p′- eller u′-diagram, där gränserna vidgas med σz, den genomsnittliga skillnaden mellan månadernas standardiserade värden delad med 1,128. Diagrammets namn och σz står i dess rubrik."),
        (SpcSignalText.NotJudged, $"Månaden bedöms inte: den är preliminär (kan ändras), dold (röjandeskydd), eller serien har färre än {SpcAnalysis.MinimumJudged} slutliga, visade månader (då ritas bara mittlinjen, utan styrgränser och signaler). Sådana månader ritas som ofyllda ringar och ingår inte i mittlinjen, gränserna eller seriereglerna."),
        (SpcSignalText.Improvement + " / " + SpcSignalText.Concern, "En signal (se nedan) på den sida om mittlinjen som indikatorns riktning kallar bättre respektive sämre: blå respektive orange."),
        (SpcSignalText.Above + " / " + SpcSignalText.Below, "En signal för en indikator utan bättre riktning: lila."),
        (SpcSignalText.OutsideLimit, "Månadens värde ligger utanför styrgränserna (ett värde precis på gränsen räknas som innanför): sannolikt en verklig förändring, inte slumpmässig variation."),
        (SpcSignalText.LongRun, "Månaden ingår i en ovanligt lång serie värden på samma sida om mittlinjen (längre än avrundat log2(n) + 3 punkter, n = bedömda månader som inte ligger på mittlinjen): tecken på en bestående förändring."),
        (SpcSignalText.FewCrossings, "Serien korsar mittlinjen ovanligt få gånger (färre än 5:e percentilen av Binomial(n − 1; 0,5)): tecken på en trend. Gäller serien, inte en enskild månad."),
        (TargetAssurance.CannotBeReachedText, "Målet ligger utanför de senaste styrgränserna på fel sida: processen kan inte nå målet som den går nu, bara en förändring av arbetssättet hjälper (jfr NHS Making Data Count, \"assurance\")."),
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
                    indicator.PersonBased ? "Ja" : "Nej", SpcChartKinds.SwedishReason(indicator), indicator.Id,
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

        Look.Widths(sheet, 16, 30, 34, 34, 26, 22, 12, 14, 12, 13, 40, 24);
        for (var r = HeaderRow; r < row; r++) Look.FitWrappedRow(sheet, r);
        sheet.SheetView.FreezeRows(HeaderRow);
        Look.Print(sheet, footer, (HeaderRow, HeaderRow));
    }
}
