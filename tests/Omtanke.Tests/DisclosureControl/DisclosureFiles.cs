using System.Globalization;
using System.Text;

namespace Omtanke.Tests.DisclosureControl;

/// <summary>Small-count extracts for disclosure tests: SIP meetings and palliative figures per municipality and month.</summary>
public static class DisclosureFiles
{
    /// <summary>A sip file: per (municipality, month) that many meetings with status genomförd.</summary>
    public static string Sip(IEnumerable<(string Kommun, string Month, int Held)> counts)
    {
        var csv = new StringBuilder("sip_id;kommunkod;datum;status;malgrupp\n");
        var id = 0;
        foreach (var (kommun, month, held) in counts)
        {
            for (var i = 0; i < held; i++) csv.Append(CultureInfo.InvariantCulture, $"S{++id};{kommun};{month}-{i % 28 + 1:00};genomford;aldre\n");
            // A cancelled meeting keeps the month in the source even where none was held.
            csv.Append(CultureInfo.InvariantCulture, $"S{++id};{kommun};{month}-28;installd;vuxna\n");
        }
        return csv.ToString();
    }

    /// <summary>A palliativ file: per (municipality, month) expected deaths, end-of-life conversations and pain ratings.</summary>
    public static string Palliativ(IEnumerable<(string Kommun, string Month, int Deaths, int Conversations, int Ratings)> rows) =>
        Extracts.Lines("period;kommunkod;antal_vantade_dodsfall;antal_brytpunktssamtal;antal_smartskattning",
            rows.Select(r => $"{r.Month};{r.Kommun};{r.Deaths};{r.Conversations};{r.Ratings}"));

    public static IEnumerable<(string Kommun, string Month, int Held)> Months(string kommun, int year, params int[] held) =>
        held.Select((h, i) => (kommun, $"{year}-{i + 1:00}", h));
}
