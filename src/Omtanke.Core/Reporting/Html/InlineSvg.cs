using System.Text.RegularExpressions;

namespace Omtanke.Core.Reporting.Html;

/// <summary>
/// Turns a rendered SVG file into markup for inlining in an HTML page: without its XML declaration,
/// scalable (a viewBox instead of a fixed size), labelled for screen readers, and with its ids made
/// unique, since every ScottPlot SVG uses the same clip-path ids and one page holds many charts.
/// </summary>
public static partial class InlineSvg
{
    public static string Prepare(string svg, string idPrefix, string label)
    {
        var body = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
        body = IdAttribute().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"href=\"#{idPrefix}{m.Groups[1].Value}\"");

        var rootEnd = body.IndexOf('>');
        var root = body[..rootEnd];
        var width = SizeAttribute("width").Match(root).Groups[1].Value;
        var height = SizeAttribute("height").Match(root).Groups[1].Value;
        root = SizeAttribute("width").Replace(root, "", 1);
        root = SizeAttribute("height").Replace(root, "", 1);
        return root + $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" " +
               $"aria-label=\"{QuarterlyHtmlPage.Encode(label)}\"" + body[rootEnd..];
    }

    private static Regex SizeAttribute(string name) => new($@"\s{name}=""([0-9.]+)""");

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
