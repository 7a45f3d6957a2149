using Omtanke.Core.Import;

namespace Omtanke.Tests.Import;

/// <summary>
/// Every row rule of EXTRACTS.md for utskrivningsklara and befolkning: a file that follows them imports,
/// a file that breaks one is rejected whole with an error report in Swedish, and changes nothing.
/// </summary>
public sealed class ValidationTests
{
    private static readonly Dictionary<string, string> BaseRow = new()
    {
        ["vardtillfalle_id"] = "V1", ["patient_id"] = "19400101-1234", ["kommunkod"] = "1380", ["alder"] = "84",
        ["vardform"] = "somatik", ["sjukhus"] = "Halmstad", ["enhet"] = "Avd 1", ["inskrivningsdatum"] = "2024-03-01",
        ["utskrivningsklar_datum"] = "2024-03-05", ["utskrivningsdatum"] = "2024-03-09",
    };

    /// <summary>A valid utskrivningsklara row, with the given cells replaced.</summary>
    private static string UkRow(params (string Column, string Value)[] cells)
    {
        var row = new Dictionary<string, string>(BaseRow);
        foreach (var (column, value) in cells) row[column] = value;
        return string.Join(';', Extracts.UkColumns.Select(c => row[c]));
    }

    private static async Task<string> StoredAsync(Core.Storage.OmtankeService service, string columns) =>
        string.Join(", ", await service.RowsAsync($"SELECT {columns} FROM fact_utskrivningsklara ORDER BY line_no"));

    // ---- dates

    [TestCase("2024-03-05", "2024-03-05")]
    [TestCase("2024-03-05 14:30", "2024-03-05")]
    [TestCase("2024-03-05 23:59:59", "2024-03-05")]
    [TestCase("2024-02-29", "2024-02-29")]
    public async Task A_date_is_yyyy_MM_dd_optionally_followed_by_a_time_that_is_ignored(string written, string stored)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("inskrivningsdatum", "2024-02-01"),
            ("utskrivningsklar_datum", written), ("utskrivningsdatum", "2024-03-20"))));

        await service.ImportAcceptedAsync(file);

        Assert.That(await StoredAsync(service, "utskrivningsklar_datum"), Is.EqualTo(stored));
    }

    [TestCase("2024-02-30")]
    [TestCase("2023-02-29")]
    [TestCase("2024-13-01")]
    [TestCase("2024-3-5")]
    [TestCase("05/03/2024")]
    [TestCase("2024.03.05")]
    [TestCase("20240305")]
    [TestCase("2024-03-05 25:00")]
    [TestCase("igår")]
    public async Task An_invalid_date_rejects_the_file(string written)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(), UkRow(("vardtillfalle_id", "V2"), ("utskrivningsklar_datum", written))));

        await service.ImportRejectedWithAsync(file,
            new ImportError(3, "utskrivningsklar_datum", written, "Ogiltigt datum: skriv ÅÅÅÅ-MM-DD."));
    }

    [Test]
    public async Task A_discharge_ready_date_before_admission_rejects_the_file()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("utskrivningsklar_datum", "2024-02-29 10:00"))));

        await service.ImportRejectedWithAsync(file, new ImportError(2, "utskrivningsklar_datum", "2024-02-29",
            "Får inte vara före inskrivningsdatum (2024-03-01)."));
    }

    [Test]
    public async Task A_discharge_before_the_discharge_ready_date_rejects_the_file()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("utskrivningsdatum", "2024-03-04"))));

        await service.ImportRejectedWithAsync(file, new ImportError(2, "utskrivningsdatum", "2024-03-04",
            "Får inte vara före utskrivningsklar_datum (2024-03-05)."));
    }

    [Test]
    public async Task Admission_discharge_ready_and_discharge_on_the_same_day_are_accepted()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("inskrivningsdatum", "2024-03-05"),
            ("utskrivningsklar_datum", "2024-03-05 09:00"), ("utskrivningsdatum", "2024-03-05 16:00"))));

        await service.ImportAcceptedAsync(file);

        Assert.That(await StoredAsync(service, "utskrivningsdatum - utskrivningsklar_datum"), Is.EqualTo("0"));
    }

    // ---- integers and ranges

    [TestCase("0", 0)]
    [TestCase("120", 120)]
    [TestCase(" 84 ", 84)]
    public async Task Alder_is_an_integer_from_0_to_120(string written, int stored)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("uk.csv", Extracts.Uk(UkRow(("alder", written)))));

        Assert.That(await service.ScalarAsync<int>("SELECT alder FROM fact_utskrivningsklara"), Is.EqualTo(stored));
    }

    [TestCase("-1", "Måste vara mellan 0 och 120.")]
    [TestCase("121", "Måste vara mellan 0 och 120.")]
    [TestCase("84,5", "Inte ett heltal.")]
    [TestCase("84.0", "Inte ett heltal.")]
    [TestCase("åttio", "Inte ett heltal.")]
    public async Task An_alder_that_is_no_integer_from_0_to_120_rejects_the_file(string written, string reason)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("alder", written))));

        await service.ImportRejectedWithAsync(file, new ImportError(2, "alder", written.Trim(), reason));
    }

    [Test]
    public async Task Population_counts_may_group_thousands_with_a_space_or_a_no_break_space()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("befolkning.csv", Extracts.Befolkning(
            "2023;1380;104 500;21 800;6 100",
            "2023;1383;66\u00A0200;14\u00A0300;4\u00A0000",
            "2023;1315;1\u202F010\u202F800;2 640;800",
            "2023;1384;\"85 400\";16200;4400"));

        await service.ImportAcceptedAsync(file);

        Assert.That(await service.RowsAsync("SELECT kommunkod, antal_totalt, antal_65_plus, antal_80_plus FROM fact_befolkning ORDER BY line_no"),
            Is.EqualTo(new[] { "1380|104500|21800|6100", "1383|66200|14300|4000", "1315|1010800|2640|800", "1384|85400|16200|4400" }));
    }

    [TestCase("104.500", "Inte ett heltal.")]
    [TestCase("104,500", "Inte ett heltal.")]
    [TestCase("104 500,5", "Inte ett heltal.")]
    [TestCase("0", "Måste vara minst 1.")]
    [TestCase("-5", "Måste vara minst 1.")]
    public async Task A_population_total_that_is_no_positive_integer_rejects_the_file(string written, string reason)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("befolkning.csv", Extracts.Befolkning("2023;1380;104 000;0;0", $"2023;1383;{written};0;0"));

        await service.ImportRejectedWithAsync(file, new ImportError(3, "antal_totalt", written, reason));
    }

    [Test]
    public async Task Population_age_groups_must_nest_within_each_other()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("befolkning.csv", Extracts.Befolkning(
            "2023;1380;1000;1000;1000",
            "2023;1381;1000;1001;10",
            "2023;1382;1000;100;101",
            "23;1383;1000;100;10"));

        await service.ImportRejectedWithAsync(file,
            new ImportError(3, "antal_65_plus", "1001", "Får inte vara större än antal_totalt (1000)."),
            new ImportError(4, "antal_80_plus", "101", "Får inte vara större än antal_65_plus (100)."),
            new ImportError(5, "ar", "23", "Ogiltigt år: skriv ÅÅÅÅ."));
    }

    // ---- enumerations

    [Test]
    public async Task Enumeration_values_match_ignoring_case_and_surrounding_spaces()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(
            UkRow(("vardtillfalle_id", "V1"), ("vardform", "Somatik")),
            UkRow(("vardtillfalle_id", "V2"), ("vardform", "PSYKIATRI")),
            UkRow(("vardtillfalle_id", "V3"), ("vardform", " psykIatri "))));

        await service.ImportAcceptedAsync(file);

        Assert.That(await StoredAsync(service, "vardform"), Is.EqualTo("somatik, psykiatri, psykiatri"));
    }

    [Test]
    public async Task An_unknown_enumeration_value_rejects_the_file_listing_the_allowed_values()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("vardform", "kirurgi"))));

        await service.ImportRejectedWithAsync(file,
            new ImportError(2, "vardform", "kirurgi", "Okänt värde: tillåtna är somatik, psykiatri."));
    }

    // ---- kommunkod and residents of other counties

    [TestCase("138")]
    [TestCase("13800")]
    [TestCase("13a0")]
    [TestCase("13 80")]
    [TestCase("Halmstad")]
    [TestCase("13")]
    public async Task A_kommunkod_that_is_not_four_digits_rejects_the_file(string written)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("kommunkod", written))));

        await service.ImportRejectedWithAsync(file,
            new ImportError(2, "kommunkod", written, "Ska vara en kommunkod med fyra siffror."));
    }

    [Test]
    public async Task Rows_of_residents_of_other_counties_are_stored_counted_in_no_indicator_and_reported()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Stay.File(
            new Stay("V1", "1380", "2024-03-05", 5),
            new Stay("V2", "1480", "2024-03-05", 20),   // Göteborg
            new Stay("V3", "0180", "2024-03-10", 9)));  // Stockholm

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.Rows, Is.EqualTo(3));
        Assert.That(outcome.OutOfCounty, Is.EqualTo(2));
        Assert.That(outcome.Summary(), Is.EqualTo("uk.csv: importerad (utskrivningsklara): 3 rader, 3 delar (månad × kommun), 0 ersatta, 2 utomläns"));
        Assert.That(await service.ScalarAsync<int>("SELECT out_of_county FROM deliveries"), Is.EqualTo(2));
        Assert.That(await StoredAsync(service, "vardtillfalle_id, kommunkod, area, current"),
            Is.EqualTo("V1|1380|1380|True, V2|1480|1480|True, V3|0180|0180|True"));
        Assert.That(await service.RowsAsync("SELECT DISTINCT area FROM indicator_values ORDER BY 1"),
            Is.EqualTo(new[] { "13", "1315", "1380", "1381", "1382", "1383", "1384" }));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "13", "2024-03"), Is.EqualTo("2;;2"), "only Halmstad's 5 − 3 days");
        Assert.That(await service.ValueAsync("uk_medeldagar_somatik", "13", "2024-03"), Is.EqualTo("5;1;5"));
    }

    // ---- uniqueness within the file

    [Test]
    public async Task A_stay_id_repeated_within_the_file_rejects_it_naming_both_lines()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(
            UkRow(("vardtillfalle_id", "V1")),
            UkRow(("vardtillfalle_id", "V2")),
            UkRow(("vardtillfalle_id", "V1"), ("kommunkod", "1383")),
            UkRow(("vardtillfalle_id", "V3")),
            UkRow(("vardtillfalle_id", "V1"))));

        var outcome = await service.ImportRejectedWithAsync(file,
            new ImportError(4, "vardtillfalle_id", "V1", "Dubblett av rad 2: vardtillfalle_id ska vara unikt i filen."),
            new ImportError(6, "vardtillfalle_id", "V1", "Dubblett av rad 2: vardtillfalle_id ska vara unikt i filen."));

        Assert.That(outcome.Summary(), Does.Contain("\n  rad 4, kolumn vardtillfalle_id, värde \"V1\": Dubblett av rad 2:"));
    }

    [Test]
    public async Task A_year_and_municipality_repeated_in_a_population_file_rejects_it_naming_both_lines()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("befolkning.csv", Extracts.Befolkning(
            "2023;1380;1000;100;10", "2022;1380;1000;100;10", "2023;1380;1200;100;10"));

        await service.ImportRejectedWithAsync(file, new ImportError(4, "ar, kommunkod", "2023, 1380",
            "Dubblett av rad 2: ar, kommunkod ska vara unikt i filen."));
    }

    // ---- required cells

    public static IEnumerable<string> RequiredUkColumns() =>
        Extracts.UkColumns.Where(c => c is not ("sjukhus" or "enhet"));

    [TestCaseSource(nameof(RequiredUkColumns))]
    public async Task An_empty_required_cell_rejects_the_file(string column)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(), UkRow(("vardtillfalle_id", "V2"), (column, "  "))));

        await service.ImportRejectedWithAsync(file,
            new ImportError(3, column, "", "Värde saknas: kolumnen är obligatorisk."));
    }

    [Test]
    public async Task A_row_with_fewer_cells_than_the_header_is_one_row_error_not_a_row_of_missing_cells()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(), "V2;P2;1380;84;somatik;;;2024-03-01"));

        await service.ImportRejectedWithAsync(file, new ImportError(3, null, null,
            "Raden har 8 fält men rubrikraden har 10, så värdena kan inte föras till rätt kolumner. " +
            "Kontrollera avgränsarna (semikolon) och citattecknen på raden, och importera filen igen."));
    }

    [Test]
    public async Task A_patient_id_without_letters_or_digits_rejects_the_file()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Uk(UkRow(("patient_id", "--- "))));

        await service.ImportRejectedWithAsync(file,
            new ImportError(2, "patient_id", "---", "Identiteten innehåller inga siffror eller bokstäver."));
    }

    // ---- the error report

    [Test]
    public async Task The_error_report_lists_the_first_100_errors_and_the_total_count_in_Swedish()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // 130 rows with two errors each: kommunkod and alder, in column order.
        var rows = Enumerable.Range(1, 130).Select(i => UkRow(("vardtillfalle_id", $"V{i}"), ("kommunkod", "13"), ("alder", "200")));
        var file = folder.WriteText("uk.csv", Extracts.Uk([.. rows]));

        var outcome = await service.ImportRejectedAsync(file);

        Assert.That(outcome.ErrorCount, Is.EqualTo(260));
        Assert.That(outcome.Errors, Has.Count.EqualTo(100));
        Assert.That(outcome.Errors[0], Is.EqualTo(new ImportError(2, "kommunkod", "13", "Ska vara en kommunkod med fyra siffror.")));
        Assert.That(outcome.Errors[99], Is.EqualTo(new ImportError(51, "alder", "200", "Måste vara mellan 0 och 120.")));
        var summary = outcome.Summary().Split('\n');
        Assert.That(summary, Has.Length.EqualTo(1 + 100 + 2));
        Assert.That(summary[0], Is.EqualTo("uk.csv: avvisad (utskrivningsklara): 260 fel, inget importerades"));
        Assert.That(summary[1], Is.EqualTo("  rad 2, kolumn kommunkod, värde \"13\": Ska vara en kommunkod med fyra siffror."));
        Assert.That(summary[2], Is.EqualTo("  rad 2, kolumn alder, värde \"200\": Måste vara mellan 0 och 120."));
        Assert.That(summary[101], Is.EqualTo("  … och 160 fel till."));
        Assert.That(summary[102], Is.EqualTo("  Rätta felen i filen och importera den igen."));
        Assert.That(await service.RowsAsync("SELECT error_count, jsonb_array_length(errors) FROM deliveries"),
            Is.EqualTo(new[] { "260|100" }));
    }

    [Test]
    public async Task A_file_with_one_bad_row_among_good_ones_changes_nothing_and_earlier_data_stays()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("mars.csv", Stay.File(
            new Stay("V1", "1380", "2024-03-05", 5), new Stay("V2", "1383", "2024-03-05", 8))));
        await service.ImportAcceptedAsync(folder.WriteText("befolkning.csv", Extracts.BefolkningAllSix(2023)));
        var before = await service.ValuesLinesAsync("2024-01", "2024-12", Core.Indicators.PeriodType.Month);

        // A correction of the same slices with one bad row: nothing of it may be applied.
        var correction = folder.WriteText("mars-rattelse.csv", Extracts.Uk(
            new Stay("V1", "1380", "2024-03-05", 1).Csv(),
            new Stay("V2", "1383", "2024-03-05", 1).Csv(),
            new Stay("V3", "1383", "2024-03-07", -1).Csv()));
        await service.ImportRejectedWithAsync(correction,
            new ImportError(4, "utskrivningsdatum", "2024-03-06", "Får inte vara före utskrivningsklar_datum (2024-03-07)."));

        Assert.That(await service.ValuesLinesAsync("2024-01", "2024-12", Core.Indicators.PeriodType.Month), Is.EqualTo(before));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "13", "2024-03"), Is.EqualTo("7;;7"));
    }
}
