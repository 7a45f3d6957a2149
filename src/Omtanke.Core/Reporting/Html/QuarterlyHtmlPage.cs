using System.Globalization;
using System.Text;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Charts;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Reporting.Workbooks;

namespace Omtanke.Core.Reporting.Html;

/// <summary>
/// The RUG follow-up as one self-contained HTML page (inline CSS, charts inlined as SVG, nothing
/// fetched) that prints as A4 landscape with one area per page: per indicator its quarterly table
/// beside a chart of the same five quarters, and a last page that explains the symbols.
/// </summary>
public static class QuarterlyHtmlPage
{
    private const int ChartWidth = 480, ChartHeight = 175;

    private const string Style = """
        @page { size: A4 landscape; margin: 8mm 9mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 7pt; line-height: 1.15; color: #1f2933; margin: 0; }
        section.area { page-break-after: always; break-after: page; }
        section.area:last-of-type { page-break-after: auto; break-after: auto; }
        .page-head { display: flex; justify-content: space-between; border-bottom: 2px solid #1f3864; padding-bottom: 1mm; color: #1f3864; }
        .page-head strong { font-size: 10pt; }
        h2 { font-size: 12pt; margin: 1.5mm 0 1mm; color: #1f3864; }
        .indicator { display: grid; grid-template-columns: 71% 29%; gap: 2mm; break-inside: avoid; page-break-inside: avoid; margin-bottom: 2mm; }
        h3 { font-size: 8pt; margin: 0 0 0.6mm; }
        h3 .about { font-weight: normal; color: #595959; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        col.name { width: 13%; } col.quarter { width: 6.8%; } col.change { width: 9%; } col.target { width: 7%; }
        th.change { white-space: normal; }
        th, td { padding: 0.15mm 1.1mm; border-bottom: 1px solid #e4e7eb; }
        th { background: #d9e1f2; font-weight: bold; text-align: right; vertical-align: bottom; white-space: nowrap; }
        th.group { text-align: center; border-bottom: 1px solid #ffffff; }
        th:first-child, td:first-child { text-align: left; white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; }
        td.current, th.current { font-weight: bold; }
        tr.region td { font-weight: bold; border-top: 1px solid #1f2933; }
        .prel { font-style: italic; }
        .met { background: #c6efce; color: #006100; }
        .notmet { background: #ffc7ce; color: #9c0006; }
        .better { color: #006100; }
        .worse { color: #9c0006; }
        td.spc-battre { background: #dce9f7; color: #1f6fb4; } td.spc-samre { background: #fce4d6; color: #c55a11; }
        td.spc-neutral { background: #eae1f2; color: #5b3a7a; } td.spc-ej { color: #7f7f7f; font-style: italic; }
        td.signals { font-size: 6.2pt; line-height: 1.05; }
        .swatch { display: inline-block; width: 2.2mm; height: 2.2mm; margin-right: 1mm; border-radius: 50%; }
        figure { margin: 0; align-self: center; }
        figure svg { width: 100%; height: auto; display: block; }
        .legend dt { font-weight: bold; margin-top: 1.5mm; }
        .legend dd { margin: 0 0 0 4mm; }
        @media screen { body { max-width: 280mm; margin: 8mm auto; } section.area { margin-bottom: 12mm; } }
        """;

    public static string Render(QuarterlyModel model, DateTime created)
    {
        var title = $"RUG-uppföljning {model.Quarter.SwedishLabel}";
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="author" content="{Encode(Look.Author)}">
            <title>{Encode(title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>

            """);
        var chartNumber = 0;
        foreach (var section in model.Sections)
        {
            html.Append($"""<section class="area"{Zoom(section)}>{PageHead(title, created)}<h2>{Encode(section.Area.Name)}</h2>""").Append('\n');
            foreach (var block in section.Blocks)
                html.Append(Block(model, block, ++chartNumber)).Append('\n');
            html.Append("</section>\n");
        }
        html.Append($"""<section class="area">{PageHead(title, created)}<h2>Teckenförklaring</h2>{Legend(model.Disclosure)}</section>""").Append('\n');
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// An A4 landscape page holds about <see cref="PageLines"/> table lines at full size (an indicator's
    /// heading and header rows count three, a row of signals as many lines as it wraps to); an area
    /// with more is drawn smaller so that it still fits one page.
    /// </summary>
    private static string Zoom(QuarterSection section)
    {
        var lines = section.Blocks.Sum(b => 3.5 + b.Rows.Sum(r => Math.Max(1, Math.Ceiling(r.SignalText.Length / SignalCharactersPerLine))));
        return lines <= PageLines ? "" : string.Create(CultureInfo.InvariantCulture, $" style=\"zoom: {PageLines / lines:0.00}\"");
    }

    /// <summary>The quarter's SPC verdict coloured as the workbook and the charts colour it.</summary>
    private static string SpcClass(SpcVerdict? verdict) => verdict?.Tone switch
    {
        SpcTone.Improvement => " spc-battre",
        SpcTone.Concern => " spc-samre",
        SpcTone.Neutral => " spc-neutral",
        SpcTone.NotJudged => " spc-ej",
        _ => "",
    };

    private const double PageLines = 42, SignalCharactersPerLine = 44;

    private static string PageHead(string title, DateTime created) =>
        $"""<div class="page-head"><strong>{Encode(title)}</strong><span>Omtanke Halland · skapad {created:yyyy-MM-dd}</span></div>""";

    private static string Block(QuarterlyModel model, QuarterBlock block, int chartNumber)
    {
        var indicator = block.Indicator;
        var about = new[] { IndicatorTexts.Direction(indicator.Better), block.Target.Length > 0 ? "mål " + block.Target : "inget mål" };
        var html = new StringBuilder();
        html.Append($"""<div class="indicator"><div><h3>{Encode(IndicatorTexts.NameWithUnit(indicator))} <span class="about">· {Encode(string.Join(" · ", about))}</span></h3>""");
        // Two short header rows instead of one tall one: the page must hold an area's every indicator.
        html.Append($"""<table><colgroup><col class="name">{string.Concat(Enumerable.Repeat("<col class=\"quarter\">", model.Quarters.Count))}""");
        html.Append("""<col class="change"><col class="change"><col class="target"><col></colgroup>""");
        html.Append($"""<thead><tr><th rowspan="2">Kommun/region</th><th colspan="{model.Quarters.Count}" class="group">Kvartal</th>""");
        html.Append("""<th colspan="2" class="group">Förändring mot</th><th rowspan="2">Målet</th><th rowspan="2">Signaler under kvartalet</th></tr><tr>""");
        foreach (var quarter in model.Quarters)
            html.Append($"""<th{(quarter == model.Quarter ? " class=\"current\"" : "")}>{Encode(quarter.Label)}</th>""");
        html.Append("""<th class="change">förra kvartalet</th><th class="change">ett år tidigare</th></tr></thead><tbody>""");
        var format = NumberFormats.Value(indicator);
        foreach (var row in block.Rows)
        {
            html.Append(row.Area == Areas.Region ? """<tr class="region">""" : "<tr>");
            html.Append($"""<td><span class="swatch" style="background:#{ChartPalette.Area(row.Area)}"></span>{Encode(Areas.Name(row.Area))}</td>""");
            for (var q = 0; q < row.Values.Count; q++)
            {
                var classes = new List<string> { "num" };
                if (row.Preliminary[q]) classes.Add("prel");
                if (q == row.Values.Count - 1) classes.AddRange(["current", StatusClass(row.Status)]);
                html.Append($"""<td class="{string.Join(' ', classes).Trim()}">{Encode(Number(row.Values[q], format, signed: false))}</td>""");
            }
            html.Append(Change(indicator, row.ChangeFromPrevious, format, row.ChangeFromPreviousPreliminary))
                .Append(Change(indicator, row.ChangeFromYearBefore, format, row.ChangeFromYearBeforePreliminary));
            html.Append($"""<td class="{StatusClass(row.Status)}">{Encode(IndicatorTexts.Status(row.Status))}</td>""");
            html.Append($"""<td class="signals{SpcClass(row.Spc)}">{Encode(row.SignalText)}</td>""");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");

        var chart = TrendChart.Render(block.Chart with { Title = "" }, legend: false);
        var svg = InlineSvg.Prepare(chart.GetSvgXml(ChartWidth, ChartHeight), $"c{chartNumber}-", $"{indicator.Name} per kvartal");
        html.Append($"<figure>{svg}</figure></div>");
        return html.ToString();
    }

    private static string Change(IndicatorDefinition indicator, PublishedValue change, string format, bool eitherPreliminary)
    {
        var direction = ChangeDirection.Of(indicator, change, eitherPreliminary) switch { true => " better", false => " worse", _ => "" };
        var preliminary = eitherPreliminary ? " prel" : "";
        return $"""<td class="num{direction}{preliminary}">{Encode(Number(change, format, signed: true))}</td>""";
    }

    private static string StatusClass(TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.NotMet => "notmet",
        _ => "",
    };

    /// <summary>A value as Swedish text: decimal comma, space between thousands, a true minus sign.</summary>
    private static string Number(PublishedValue value, string format, bool signed)
    {
        if (value.Symbol is { } symbol) return symbol;
        if (value.Number is not { } number) return "";
        var text = Math.Abs(number).ToString(format, Periods.Swedish);
        return number < 0 ? "−" + text : signed && number > 0 ? "+" + text : text;
    }

    private static string Legend(DisclosureSettings disclosure)
    {
        var items = new (string Term, string Meaning)[]
        {
            ("Kvartal", "Flödesindikatorer summerar kvartalets månader med data; ögonblicksindikatorer visar kvartalets senaste månad med data. Kvartalet jämförs med de fyra föregående, varav det första är samma kvartal föregående år."),
            (Disclosure.HiddenSymbol, "Dolt värde (röjandeskydd): för litet underlag, eller dolt för att ett annat dolt värde inte ska kunna räknas fram."),
            (Disclosure.SmallCountSymbol(disclosure), $"Dolt antal mellan 1 och {disclosure.Limit - 1}."),
            ("Kursiv", "Preliminärt värde: kvartalet saknar data för någon månad, eller underlaget kan ändras."),
            ("Grönt / rött", "Målet uppfyllt / ej uppfyllt för kvartalet. Förändringar i grönt går åt det bättre hållet, i rött åt det sämre."),
            ("Signaler", "Signaler i styrdiagrammet för kvartalets månader (24 månader bakåt): värde utanför styrgränserna, ovanligt lång serie på samma sida om mittlinjen, eller få korsningar av mittlinjen (Anhøjs regler). Preliminära månader bedöms inte."),
            ("Region Halland", "De sex kommunerna tillsammans: summan av täljarna delad med summan av nämnarna."),
        };
        var html = new StringBuilder("""<dl class="legend">""");
        foreach (var (term, meaning) in items) html.Append($"<dt>{Encode(term)}</dt><dd>{Encode(meaning)}</dd>");
        return html.Append("</dl>").ToString();
    }

    /// <summary>Escapes markup only; å ä ö stay as they are in the UTF-8 page (WebUtility would write &amp;#229;).</summary>
    public static string Encode(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Replace("\"", "&quot;").Replace("'", "&#39;");
}
