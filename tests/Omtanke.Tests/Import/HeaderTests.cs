using Omtanke.Core.Import;

namespace Omtanke.Tests.Import;

/// <summary>Header names, extra and missing columns, and which source a file is (EXTRACTS.md, common rules).</summary>
public sealed class HeaderTests
{
    private static readonly string Row = new Stay("V1", "1380", "2024-03-05", 2, Sjukhus: "Halmstad", Enhet: "Avd 1").Csv();

    [Test]
    public async Task Header_names_match_ignoring_case_surrounding_spaces_and_space_for_underscore()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var header = "  VardTillfalle_ID ;Patient ID;KOMMUNKOD; Alder;Vardform ;SJUKHUS;Enhet;Inskrivningsdatum;" +
                     "Utskrivningsklar datum;  utskrivningsdatum  ";
        var file = folder.WriteText("uk.csv", Extracts.Lines(header, [Row]));

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.SourceId, Is.EqualTo("utskrivningsklara"));
        Assert.That(outcome.Warnings, Is.Empty);
        Assert.That(await service.RowsAsync("SELECT vardtillfalle_id, sjukhus, enhet, utskrivningsklar_datum FROM fact_utskrivningsklara"),
            Is.EqualTo(new[] { "V1|Halmstad|Avd 1|2024-03-05" }));
    }

    [Test]
    public async Task Extra_columns_are_ignored_and_listed_in_a_warning()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Lines("Kommentar;" + Extracts.UkHeader() + ";Diagnos kod",
            ["fritext;" + Row + ";I21"]));

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.Warnings, Is.EqualTo(new[] { "Okända kolumner ignorerades: Kommentar, Diagnos kod." }));
        Assert.That(outcome.Summary(), Does.EndWith("\n  varning: Okända kolumner ignorerades: Kommentar, Diagnos kod."));
        Assert.That(await service.ScalarAsync<string>("SELECT warnings::text FROM deliveries"),
            Is.EqualTo("[\"Okända kolumner ignorerades: Kommentar, Diagnos kod.\"]"));
        Assert.That(await service.RowsAsync("SELECT vardtillfalle_id, kommunkod FROM fact_utskrivningsklara"), Is.EqualTo(new[] { "V1|1380" }));
    }

    [Test]
    public async Task Optional_columns_may_be_absent()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", """
            vardtillfalle_id;patient_id;kommunkod;alder;vardform;inskrivningsdatum;utskrivningsklar_datum;utskrivningsdatum
            V1;P1;1380;84;somatik;2024-03-01;2024-03-05;2024-03-09
            """);

        await service.ImportAcceptedAsync(file);

        Assert.That(await service.RowsAsync("SELECT vardtillfalle_id, sjukhus IS NULL, enhet IS NULL FROM fact_utskrivningsklara"),
            Is.EqualTo(new[] { "V1|True|True" }));
    }

    [Test]
    public async Task A_file_with_a_missing_required_column_is_rejected_naming_the_column_and_changes_nothing()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("forra.csv", Stay.File(new Stay("V0", "1380", "2024-03-02", 5))));
        var file = folder.WriteText("uk.csv", """
            vardtillfalle_id;patient_id;kommunkod;alder;vardform;inskrivningsdatum;utskrivningsdatum
            V1;P1;1380;84;somatik;2024-03-01;2024-03-09
            """);

        var missing = new ImportError(1, "utskrivningsklar_datum", null,
            "Obligatorisk kolumn saknas i rubrikraden. Källan utskrivningsklara kräver: vardtillfalle_id, patient_id, " +
            "kommunkod, alder, vardform, inskrivningsdatum, utskrivningsklar_datum, utskrivningsdatum.");
        // Without --source a header that lacks only one or two of a source's required columns is taken as that
        // source, so the user is told which column is missing rather than that the source is unknown.
        await service.ImportRejectedWithAsync(file, missing);

        var named = await service.ImportRejectedAsync(file, source: "utskrivningsklara");
        Assert.That(named.Errors, Is.EqualTo(new[] { missing }));
        Assert.That(named.Summary(), Does.StartWith("uk.csv: avvisad (utskrivningsklara): 1 fel, inget importerades\n" +
            "  rad 1, kolumn utskrivningsklar_datum: Obligatorisk kolumn saknas i rubrikraden."));
        Assert.That(await service.RowsAsync("SELECT vardtillfalle_id FROM fact_utskrivningsklara"), Is.EqualTo(new[] { "V0" }));
    }

    [Test]
    public async Task The_source_is_recognised_from_the_header()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();

        var uk = await service.ImportAcceptedAsync(folder.WriteText("a.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2))));
        var population = await service.ImportAcceptedAsync(folder.WriteText("b.csv", Extracts.BefolkningAllSix(2023)));

        Assert.That(uk.SourceId, Is.EqualTo("utskrivningsklara"));
        Assert.That(population.SourceId, Is.EqualTo("befolkning"));
        Assert.That(await service.RowsAsync("SELECT source, row_count FROM deliveries ORDER BY id"),
            Is.EqualTo(new[] { "utskrivningsklara|1", "befolkning|6" }));
    }

    [Test]
    public async Task A_header_that_matches_no_source_is_rejected_naming_the_closest_source_and_what_it_lacks()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("okand.csv", "ar;kommun;totalt;antal_65;antal_80_plus\n2023;1380;1000;200;50\n");

        await service.ImportRejectedWithAsync(file, new ImportError(1, null, null,
            "Källan kunde inte kännas igen från rubrikraden. Närmast är befolkning, som saknar kolumnerna " +
            "kommunkod, antal_totalt, antal_65_plus. Kontrollera rubrikraden eller ange källan (--source)."));
    }

    [Test]
    public async Task Naming_the_source_imports_the_file_as_that_source()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();

        var outcome = await service.ImportAcceptedAsync(folder.WriteText("b.csv", Extracts.BefolkningAllSix(2023)), source: "Befolkning");

        Assert.That(outcome.SourceId, Is.EqualTo("befolkning"));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_befolkning"), Is.EqualTo(6));
    }

    [Test]
    public async Task Naming_a_source_whose_columns_the_file_lacks_rejects_it_naming_each_missing_column()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2)));

        var outcome = await service.ImportRejectedAsync(file, source: "befolkning");

        Assert.That(outcome.SourceId, Is.EqualTo("befolkning"));
        Assert.That(outcome.Errors.Select(e => e.Column), Is.EqualTo(new[] { "ar", "antal_totalt", "antal_65_plus", "antal_80_plus" }));
        Assert.That(outcome.Errors.Select(e => e.Line).Distinct(), Is.EqualTo(new int?[] { 1 }));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_utskrivningsklara"), Is.Zero);
    }

    [Test]
    public void Naming_an_unknown_source_is_refused_listing_the_known_ones()
    {
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2)));

        var error = Assert.ThrowsAsync<ImportSetupException>(async () =>
        {
            await using var service = await TestPostgres.CreateServiceAsync();
            await service.ImportAsync(file, source: "utskrivna");
        });

        Assert.That(error!.Message, Does.StartWith("Okänd källa 'utskrivna'. Kända källor: utskrivningsklara, slutenvard, sip, fast_lakarkontakt, " +
            "kontinuitet, lakarbesok, avvikelser, hemsjukvard, palliativ, befolkning."));
    }

    [Test]
    public async Task A_column_named_twice_is_rejected()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Extracts.Lines(Extracts.UkHeader() + ";Kommunkod", [Row + ";1383"]));

        await service.ImportRejectedWithAsync(file,
            new ImportError(1, "kommunkod", null, "Kolumnen förekommer mer än en gång i rubrikraden."));
    }
}
