using System.Globalization;
using System.Text;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Reporting;

/// <summary>
/// Real indicator values for the report tests: population for 2021–2023 and two years of utskrivningsklara
/// stays (2022-03 … 2024-03) imported through the Importer, so the engine computes every value. Hylte has
/// few stays, which makes disclosure control hide some of its values; some hospital and ward names and
/// one file name look like formulas, which the workbooks must write as plain text.
/// </summary>
public static class ReportTestData
{
    public static readonly DateOnly FirstMonth = new(2022, 3, 1);
    public static readonly DateOnly LastMonth = new(2024, 3, 1);
    public const string FormulaFileName = "=HYPERLINK(\"http://example.invalid\";\"öppna\").csv";
    public const string FormulaHospital = "=1+2";
    public static readonly string[] Hospitals = ["Hallands sjukhus Halmstad", "Hallands sjukhus Varberg", FormulaHospital];
    public static readonly string[] Wards = ["Medicin 1", "Ortopedi", "+46 avd 3", "@Kirurgi", "-Geriatrik"];

    private static readonly Dictionary<string, int> StaysPerMonth = new()
    {
        ["1315"] = 3, ["1380"] = 34, ["1381"] = 12, ["1382"] = 16, ["1383"] = 22, ["1384"] = 26,
    };

    /// <summary>A fresh database holding the report test data, computed.</summary>
    public static async Task<OmtankeService> ServiceAsync()
    {
        var service = await TestPostgres.CreateServiceAsync();
        await ImportAsync(service);
        return service;
    }

    /// <summary>What a report needs, as a tester asks for it, with the given disclosure limit.</summary>
    public static Omtanke.Core.Reporting.ReportContext Context(OmtankeService service, int disclosureLimit = 5) =>
        new(service.Db, new Omtanke.Core.Indicators.DisclosureSettings(disclosureLimit), "testare");

    public static async Task ImportAsync(OmtankeService service)
    {
        await ImportAsync(service, "befolkning.csv", Population());
        await ImportAsync(service, "utskrivningsklara.csv", Stays(FirstMonth, LastMonth, seed: 1), FormulaFileName);
        // A correction of Halmstad's last month: the delivery that is then current for that slice.
        await ImportAsync(service, "utskrivningsklara-rattelse.csv", Stays(LastMonth, LastMonth, seed: 2, only: "1380"),
            "utskrivningsklara-2024-03-halmstad-rättelse.csv");
    }

    /// <summary>
    /// A re-delivery of one municipality's month with other stays (another seed): the correction that replaces
    /// exactly that slice.
    /// </summary>
    public static Task ImportCorrectionAsync(OmtankeService service, DateOnly month, string kommun, string fileName, int seed = 3) =>
        ImportAsync(service, "rattelse.csv", Stays(month, month, seed, only: kommun), fileName);

    private static async Task ImportAsync(OmtankeService service, string name, string content, string? displayName = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        await File.WriteAllTextAsync(file, content, new UTF8Encoding(false));
        var outcome = await service.Importer.ImportAsync(new ImportRequest(file, "testare", "test") { DisplayName = displayName ?? name });
        File.Delete(file);
        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
    }

    private static string Population()
    {
        var csv = new StringBuilder("ar;kommunkod;antal_totalt;antal_65_plus;antal_80_plus\n");
        foreach (var year in new[] { 2021, 2022, 2023 })
            foreach (var (code, stays) in StaysPerMonth)
                csv.Append(CultureInfo.InvariantCulture, $"{year};{code};{stays * 3000 + year % 10 * 10};{stays * 700};{stays * 200}\n");
        return csv.ToString();
    }

    private static string Stays(DateOnly first, DateOnly last, int seed, string? only = null)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("vardtillfalle_id;patient_id;kommunkod;alder;vardform;sjukhus;enhet;inskrivningsdatum;utskrivningsklar_datum;utskrivningsdatum\n");
        var id = 0;
        for (var month = first; month <= last; month = month.AddMonths(1))
            foreach (var (code, typical) in StaysPerMonth.Where(s => only is null || s.Key == only))
            {
                // Stays vary around the municipality's typical number; Hylte's 0–4 keep some values hidden.
                var stays = code == "1315" ? random.Next(0, 5) : typical + random.Next(-4, 5);
                for (var i = 0; i < stays; i++)
                {
                    var discharged = month.AddDays(random.Next(0, 28));
                    var waited = random.Next(0, 9) + (code == "1380" && month >= new DateOnly(2023, 9, 1) ? 2 : 0);
                    var ready = discharged.AddDays(-waited);
                    var admitted = ready.AddDays(-random.Next(1, 15));
                    var form = random.Next(0, 6) == 0 ? "psykiatri" : "somatik";
                    csv.Append(CultureInfo.InvariantCulture,
                        $"S{seed}-{++id};P{random.Next(0, 4000)};{code};{random.Next(55, 99)};{form};" +
                        $"\"{Hospitals[random.Next(Hospitals.Length)].Replace("\"", "\"\"")}\";{Wards[random.Next(Wards.Length)]};" +
                        $"{admitted:yyyy-MM-dd};{ready:yyyy-MM-dd};{discharged:yyyy-MM-dd}\n");
                }
            }
        return csv.ToString();
    }
}
