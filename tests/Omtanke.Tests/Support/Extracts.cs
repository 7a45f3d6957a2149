using System.Globalization;
using System.Text;

namespace Omtanke.Tests;

/// <summary>Extract files of EXTRACTS.md written for tests: headers, rows and generated stays.</summary>
public static class Extracts
{
    public static readonly string[] UkColumns =
    [
        "vardtillfalle_id", "patient_id", "kommunkod", "alder", "vardform", "sjukhus", "enhet",
        "inskrivningsdatum", "utskrivningsklar_datum", "utskrivningsdatum",
    ];

    public static readonly string[] BefolkningColumns = ["ar", "kommunkod", "antal_totalt", "antal_65_plus", "antal_80_plus"];

    public static string UkHeader(char delimiter = ';') => string.Join(delimiter, UkColumns);

    /// <summary>An utskrivningsklara file: the full header, then the rows as written, each on its own line.</summary>
    public static string Uk(params string[] rows) => Lines(UkHeader(), rows);

    public static string Befolkning(params string[] rows) => Lines(string.Join(';', BefolkningColumns), rows);

    public const string LakarbesokHeader = "besok_id;patient_id;kommunkod;vardcentral;lakare_id;besoksdatum";

    public static string Lakarbesok(IEnumerable<string> rows) => Lines(LakarbesokHeader, rows);

    /// <summary>
    /// <paramref name="count"/> läkarbesök in a municipality's month, each of its own patient (PAT-kommun-i), with the
    /// ids prefix1 … prefixN, on the days 1 … N, all at one doctor.
    /// </summary>
    public static IEnumerable<string> VisitRows(string idPrefix, string kommun, string month, int count) =>
        Enumerable.Range(1, count).Select(i => $"{idPrefix}{i};PAT-{kommun}-{i};{kommun};Vårdcentralen Söder;L1;{month}-{i:00}");

    public static string Lines(string header, IEnumerable<string> rows)
    {
        var sb = new StringBuilder(header).Append('\n');
        foreach (var row in rows) sb.Append(row).Append('\n');
        return sb.ToString();
    }

    /// <summary>A population file with the same figures for every municipality of Halland, for the given year.</summary>
    public static string BefolkningAllSix(int year, int total = 50_000, int over65 = 10_000, int over80 = 3_000) =>
        Befolkning([.. Municipalities.Select(k => $"{year};{k};{total};{over65};{over80}")]);

    public static readonly string[] Municipalities = ["1315", "1380", "1381", "1382", "1383", "1384"];
}

/// <summary>One utskrivningsklara row; d is the days from utskrivningsklar to discharge.</summary>
public sealed record Stay(string Id, string Kommun, string Klar, int D, string Vardform = "somatik", int Alder = 82,
    string? Patient = null, string? Sjukhus = null, string? Enhet = null, int DaysBeforeKlar = 3)
{
    public DateOnly KlarDate => DateOnly.ParseExact(Klar, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Csv(char delimiter = ';') => string.Join(delimiter,
        Id, Patient ?? "P" + Id, Kommun, Alder.ToString(CultureInfo.InvariantCulture), Vardform, Sjukhus ?? "", Enhet ?? "",
        Date(KlarDate.AddDays(-DaysBeforeKlar)), Klar, Date(KlarDate.AddDays(D)));

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string File(params Stay[] stays) => Extracts.Uk([.. stays.Select(s => s.Csv())]);
}
