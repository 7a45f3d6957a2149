using Omtanke.Core.Sources;
using static Omtanke.Core.Sources.UtskrivningsklaraIndicators;

namespace Omtanke.Core.Reporting.Extracts;

/// <summary>
/// The breakdowns of the municipal extract. Adding one is adding a declaration here: its source, its
/// grouping columns and its measures; the query, disclosure control and sheet follow from it. A
/// breakdown of a source the service does not (yet) import is left out of the extract.
/// </summary>
public static class BreakdownCatalog
{
    /// <summary>d: days from utskrivningsklar to discharge, as in the utskrivningsklara indicators.</summary>
    private const string D = "(utskrivningsdatum - utskrivningsklar_datum)";

    private const string StaysWithOneDay = "Vårdtillfällen med d ≥ 1";

    private static readonly CountMeasure Stays = new("Vårdtillfällen", "count(*)", AllStays);

    private const string MeanDaysHeading = "Medelantal dagar som utskrivningsklar (vårdtillfällen med minst 1 dag)";

    // The mean's numerator, Σ d over stays with d ≥ 1, is Σ d over all stays (d is never negative): the days' cell.
    private static readonly BreakdownMeasure[] StayMeasures =
    [
        new CountMeasure("Dagar som utskrivningsklar", $"sum({D})", AllDays),
        new RatioMeasure(MeanDaysHeading,
            $"sum({D})", AllDays, $"count(*) FILTER (WHERE {D} >= 1)", StaysWithOneDay, 1, "0.00"),
        new RatioMeasure("Andel utskrivna inom 3 dagar (procent)", $"count(*) FILTER (WHERE {D} <= 3)", StaysWithinThree,
            "count(*)", AllStays, 100, "0.0"),
        new CountMeasure("Dagar med kommunalt betalningsansvar", $"sum(greatest(0, {D} - 3))", PaymentDays),
    ];


    private static BreakdownDimension Text(string heading, string column) => new(heading, $"coalesce(nullif(trim({column}), ''), '(uppgift saknas)')");

    public static IReadOnlyList<Breakdown> All { get; } =
    [
        // Wards are many and each has few stays a month: per quarter more of their figures can be shown. Fixed calendar
        // quarters, not the extract's range: two ranges a month apart would otherwise give away that month's wards.
        new("Sjukhus och avdelning", "Utskrivningsklara vårdtillfällen per sjukhus och avdelning", UtskrivningsklaraSource.Id,
            [Text("Sjukhus", "sjukhus"), Text("Avdelning", "enhet")], Stays, StayMeasures, BreakdownPeriod.Quarter),
        // Per care form the days and mean days are the two mean-days indicators themselves: shown there, not twice.
        new("Vårdform", "Utskrivningsklara vårdtillfällen per vårdform", UtskrivningsklaraSource.Id,
            [new("Vårdform", "CASE vardform WHEN 'somatik' THEN 'Somatisk vård' ELSE 'Psykiatrisk vård' END")], Stays,
            [.. StayMeasures.Where(m => m.Heading is not ("Dagar som utskrivningsklar" or MeanDaysHeading))]),
        new("Åldersgrupp", "Utskrivningsklara vårdtillfällen per åldersgrupp", UtskrivningsklaraSource.Id,
            [new("Åldersgrupp", "CASE WHEN alder < 65 THEN '0–64 år' WHEN alder < 80 THEN '65–79 år' ELSE '80 år och äldre' END")],
            Stays, StayMeasures),
    ];

    public static IEnumerable<Breakdown> Available => All.Where(b => SourceCatalog.Find(b.SourceId) is not null);
}
