using System.Text;
using ClosedXML.Excel;
using Omtanke.Core.Import;

namespace Omtanke.Tests.Import;

/// <summary>Reading extracts (EXTRACTS.md, common rules): CSV dialects and encodings, Excel, file kinds by content.</summary>
public sealed class ReaderTests
{
    private const string StoredColumns =
        "SELECT line_no, vardtillfalle_id, kommunkod, alder, vardform, sjukhus, enhet, inskrivningsdatum, " +
        "utskrivningsklar_datum, utskrivningsdatum FROM fact_utskrivningsklara ORDER BY line_no";

    [TestCase(';', "csv utf-8 ;")]
    [TestCase(',', "csv utf-8 ,")]
    [TestCase('\t', "csv utf-8 tab")]
    public async Task A_file_delimited_by_semicolon_comma_or_tab_is_read_the_same(char delimiter, string format)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var d = delimiter.ToString();
        var file = folder.WriteText("uk.csv", string.Join('\n',
            Extracts.UkHeader(delimiter),
            string.Join(d, "V1", "19400101-1234", "1380", "84", "somatik", "Hallands sjukhus Halmstad", "Avd 12",
                "2024-03-01", "2024-03-05", "2024-03-09"),
            string.Join(d, "V2", "19350505-4321", "1383", "89", "psykiatri", "", "", "2024-02-20", "2024-03-01", "2024-03-02"),
            ""));

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.Rows, Is.EqualTo(2));
        Assert.That(await service.RowsAsync(StoredColumns), Is.EqualTo(new[]
        {
            "2|V1|1380|84|somatik|Hallands sjukhus Halmstad|Avd 12|2024-03-01|2024-03-05|2024-03-09",
            "3|V2|1383|89|psykiatri|||2024-02-20|2024-03-01|2024-03-02",
        }));
        Assert.That(await service.ScalarAsync<string>("SELECT format FROM deliveries"), Is.EqualTo(format));
    }

    public static IEnumerable<TestCaseData> SwedishEncodings()
    {
        yield return new TestCaseData(TempFolder.Utf8, "\n", "csv utf-8 ;").SetArgDisplayNames("UTF-8");
        yield return new TestCaseData(TempFolder.Utf8WithBom, "\r\n", "csv utf-8 ;").SetArgDisplayNames("UTF-8 with BOM");
        yield return new TestCaseData(TempFolder.Windows1252, "\r\n", "csv windows-1252 ;").SetArgDisplayNames("Windows-1252");
    }

    [TestCaseSource(nameof(SwedishEncodings))]
    public async Task Swedish_letters_survive_in_every_accepted_encoding(Encoding encoding, string newline, string format)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", string.Join(newline,
            Extracts.UkHeader(),
            "V1;19400101-1234;1380;84;Somatik;Sjukhuset i Ängelholm – Åsa;Avd Östra, vårdavdelning 5;2024-03-01;2024-03-05;2024-03-09",
            "V2;19350505-4321;1383;89;somatik;ÅÄÖ åäö é;Ö;2024-03-01;2024-03-05;2024-03-06",
            ""), encoding);

        await service.ImportAcceptedAsync(file);

        Assert.That(await service.RowsAsync("SELECT sjukhus, enhet FROM fact_utskrivningsklara ORDER BY line_no"), Is.EqualTo(new[]
        {
            "Sjukhuset i Ängelholm – Åsa|Avd Östra, vårdavdelning 5",
            "ÅÄÖ åäö é|Ö",
        }));
        Assert.That(await service.ScalarAsync<string>("SELECT format FROM deliveries"), Is.EqualTo(format));
    }

    [Test]
    public async Task A_UTF8_file_with_BOM_and_every_field_quoted_is_read()
    {
        // What Windows PowerShell's Export-Csv writes: a BOM, then every field in quotes, the header too.
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", string.Join("\r\n",
            string.Join(';', Extracts.UkColumns.Select(c => $"\"{c}\"")),
            "\"V1\";\"19400101-1234\";\"1380\";\"84\";\"somatik\";\"Varbergs sjukhus\";\"Avd Ö\";\"2024-03-01\";\"2024-03-05\";\"2024-03-09\"",
            ""), TempFolder.Utf8WithBom);

        await service.ImportAcceptedAsync(file);

        Assert.That(await service.RowsAsync(StoredColumns), Is.EqualTo(new[]
        {
            "2|V1|1380|84|somatik|Varbergs sjukhus|Avd Ö|2024-03-01|2024-03-05|2024-03-09",
        }));
    }

    [Test]
    public async Task Quoted_fields_may_hold_the_delimiter_quotes_and_line_breaks()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var semicolons = folder.WriteText("semikolon.csv", Extracts.Uk(
            "V1;19400101-1234;1380;84;somatik;\"Halmstad; Hallands sjukhus\";\"Avd \"\"Norra\"\"\";2024-03-01;2024-03-05;2024-03-09"));
        var commas = folder.WriteText("komma.csv", string.Join('\n',
            Extracts.UkHeader(','),
            "V2,19350505-4321,1383,89,somatik,\"Varberg, Hallands sjukhus\",\"Avd 5,\nvåning 2\",2024-03-01,2024-03-05,2024-03-09",
            ""));

        await service.ImportAcceptedAsync(semicolons);
        await service.ImportAcceptedAsync(commas);

        Assert.That(await service.RowsAsync("SELECT vardtillfalle_id, sjukhus, enhet FROM fact_utskrivningsklara ORDER BY 1"),
            Is.EqualTo(new[] { "V1|Halmstad; Hallands sjukhus|Avd \"Norra\"", "V2|Varberg, Hallands sjukhus|Avd 5,\nvåning 2" }));
        Assert.That(await service.ScalarAsync<int>("SELECT line_no FROM fact_utskrivningsklara WHERE vardtillfalle_id = 'V2'"),
            Is.EqualTo(2), "a row is numbered by the line it starts on");
    }

    [Test]
    public async Task Errors_name_the_line_a_row_starts_on_when_a_quoted_field_spans_lines()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", string.Join("\r\n",
            Extracts.UkHeader(),
            "V1;P1;1380;130;somatik;Halmstad;\"Avd 5\r\nvåning 2\r\nrum 3\";2024-03-01;2024-03-05;2024-03-09", // lines 2-4
            "V2;P2;1380;131;somatik;Halmstad;Avd 6;2024-03-01;2024-03-05;2024-03-09",                      // line 5
            ""));

        await service.ImportRejectedWithAsync(file,
            new ImportError(2, "alder", "130", "Måste vara mellan 0 och 120."),
            new ImportError(5, "alder", "131", "Måste vara mellan 0 och 120."));
    }

    [Test]
    public async Task Lines_may_end_with_a_lone_CR_and_a_CRLF_in_quotes_is_one_line_break()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("cr.csv", string.Join("\r",
            Extracts.UkHeader(),
            "V1;P1;1380;80;somatik;Halmstad;\"Avd 5\r\nvåning 2\rrum \"\"3\"\"\";2024-03-01;2024-03-05;2024-03-09", // lines 2-4
            "V2;P2;1380;131;somatik;Halmstad;Avd 6;2024-03-01;2024-03-05;2024-03-09",                                   // line 5
            ""));

        await service.ImportRejectedWithAsync(file, new ImportError(5, "alder", "131", "Måste vara mellan 0 och 120."));
    }

    [Test]
    public async Task A_quote_that_never_closes_rejects_the_file_naming_the_line_it_opens_on()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("oppet-citat.csv", string.Join("\n",
            Extracts.UkHeader(),
            new Stay("V1", "1380", "2024-03-05", 2).Csv(),                                             // line 2
            "V2;P2;1380;80;somatik;\"Halmstad;Avd 6;2024-03-01;2024-03-05;2024-03-09",                  // line 3
            new Stay("V3", "1380", "2024-03-05", 4).Csv(),
            ""));

        await service.ImportRejectedWithAsync(file, new ImportError(3, null, null,
            "Fält 6 på rad 3 börjar med citattecken (\") men citattecknet stängs aldrig, så resten av filen blir ett enda fält. " +
            "Lägg till det avslutande citattecknet (eller ta bort det inledande) och importera filen igen."));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_utskrivningsklara"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_row_longer_than_a_million_characters_is_refused_before_it_fills_the_memory()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("lang-rad.csv", string.Join("\n",
            Extracts.UkHeader(),
            new Stay("V1", "1380", "2024-03-05", 2).Csv(),
            "V2;P2;1380;80;somatik;Halmstad;" + new string('x', CsvTableReader.MaxRecordChars) + ";2024-03-01;2024-03-05;2024-03-09",
            ""));

        await service.ImportRejectedWithAsync(file, new ImportError(3, null, null,
            $"Raden som börjar på rad 3 är längre än {CsvTableReader.MaxRecordChars:N0} tecken. Troligen stängs ett citattecken (\") " +
            "aldrig i ett fält på den raden: rätta citattecknen och importera filen igen."));
    }

    [Test]
    public async Task Empty_lines_and_lines_of_only_delimiters_are_ignored_but_still_counted_in_line_numbers()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var lines = new[]
        {
            "",                                   // line 1: an empty line before the header
            Extracts.UkHeader(),                  // line 2
            new Stay("V1", "1380", "2024-03-05", 2).Csv(),   // line 3
            "",                                   // line 4
            ";;;;;;;;;",                          // line 5
            "  ",                                 // line 6
            "; ; ;;;;;;;",                        // line 7
            new Stay("V2", "1380", "2024-03-05", 4).Csv(),   // line 8
            "", "",
        };
        var good = folder.WriteText("tomma-rader.csv", string.Join("\r\n", lines));
        await service.ImportAcceptedAsync(good);
        Assert.That(await service.RowsAsync("SELECT line_no, vardtillfalle_id FROM fact_utskrivningsklara ORDER BY 1"),
            Is.EqualTo(new[] { "3|V1", "8|V2" }));

        lines[7] = lines[7].Replace(";82;", ";130;");
        var bad = folder.WriteText("tomma-rader-fel.csv", string.Join("\r\n", lines));
        await service.ImportRejectedWithAsync(bad, new ImportError(8, "alder", "130", "Måste vara mellan 0 och 120."));
    }

    [Test]
    public async Task An_xlsx_workbook_with_date_and_number_cells_is_imported_from_its_first_worksheet()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.File("uk.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("Utskrivningsklara");
            Workbooks.Fill(sheet, Extracts.UkColumns,
                ["V1", 194001011234d, 1380, 84, "Somatik", "Hallands sjukhus Varberg", "Avd Ö",
                    new DateTime(2024, 3, 1), new DateTime(2024, 3, 5, 14, 30, 0), new DateTime(2024, 3, 9)],
                [1002, "19350505-4321", "1383", "89", "psykiatri", null, null, "2024-02-20", "2024-03-01 08:15", "2024-03-02"]);
            var other = workbook.Worksheets.Add("Anteckningar");
            other.Cell(1, 1).Value = "Detta blad ska inte läsas";
            workbook.SaveAs(file);
        }

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.Rows, Is.EqualTo(2));
        Assert.That(await service.RowsAsync(StoredColumns), Is.EqualTo(new[]
        {
            "2|V1|1380|84|somatik|Hallands sjukhus Varberg|Avd Ö|2024-03-01|2024-03-05|2024-03-09",
            "3|1002|1383|89|psykiatri|||2024-02-20|2024-03-01|2024-03-02",
        }));
        Assert.That(await service.ScalarAsync<string>("SELECT format FROM deliveries"), Is.EqualTo("xlsx"));
        // The numeric personnummer cell is the same person as the written one.
        Assert.That(await service.ScalarAsync<long>("SELECT count(DISTINCT patient_key) FROM fact_utskrivningsklara"), Is.EqualTo(2));
    }

    [Test]
    public async Task Errors_in_an_xlsx_workbook_name_the_Excel_row_counting_empty_rows()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.File("uk.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("Blad1");
            Workbooks.Fill(sheet, Extracts.UkColumns,
                ["V1", "P1", 1380, 84, "somatik", null, null, new DateTime(2024, 3, 1), new DateTime(2024, 3, 5), new DateTime(2024, 3, 9)],
                null, // row 3 left empty
                // a code typed as text; a number 138 would be read as 0138 (Tyresö), Excel having dropped its zero
                ["V2", "P2", "138", 84, "somatik", null, null, new DateTime(2024, 3, 1), new DateTime(2024, 3, 5), new DateTime(2024, 3, 4)]);
            workbook.SaveAs(file);
        }

        await service.ImportRejectedWithAsync(file,
            new ImportError(4, "kommunkod", "138", "Ska vara en kommunkod med fyra siffror."),
            new ImportError(4, "utskrivningsdatum", "2024-03-04", "Får inte vara före utskrivningsklar_datum (2024-03-05)."));
    }

    [TestCase("uk.txt")]
    [TestCase("uk.xlsx")]
    [TestCase("uk.dat")]
    [TestCase("uk")]
    public async Task A_file_is_read_by_its_content_not_its_name_CSV_text(string name)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText(name, Stay.File(new Stay("V1", "1380", "2024-03-05", 2)));

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.Rows, Is.EqualTo(1));
        Assert.That(await service.ScalarAsync<string>("SELECT format FROM deliveries"), Is.EqualTo("csv utf-8 ;"));
    }

    [Test]
    public async Task A_file_is_read_by_its_content_not_its_name_a_workbook_named_csv()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.File("uk.csv");
        using (var workbook = new XLWorkbook())
        {
            Workbooks.Fill(workbook.Worksheets.Add("Blad1"), Extracts.UkColumns,
                ["V1", "P1", 1380, 84, "somatik", null, null, new DateTime(2024, 3, 1), new DateTime(2024, 3, 5), new DateTime(2024, 3, 9)]);
            workbook.SaveAs(folder.File("uk.xlsx"));
        }
        File.Move(folder.File("uk.xlsx"), file);

        var outcome = await service.ImportAcceptedAsync(file);

        Assert.That(outcome.Rows, Is.EqualTo(1));
        Assert.That(await service.ScalarAsync<string>("SELECT format FROM deliveries"), Is.EqualTo("xlsx"));
    }

    [Test]
    public async Task A_binary_file_named_csv_is_rejected_saying_it_is_neither_text_nor_a_workbook()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var file = folder.WriteBytes("bild.csv", [.. png, .. bytes]);

        var outcome = await service.ImportRejectedAsync(file);

        Assert.That(outcome.Errors, Has.Count.EqualTo(1));
        Assert.That(outcome.Errors[0].Reason, Does.StartWith("Filen är varken en textfil (CSV) eller en Excel-arbetsbok"));
    }

    [Test]
    public async Task A_broken_workbook_is_rejected_saying_it_cannot_be_read_as_Excel()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteBytes("trasig.xlsx", [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("inte en riktig zip-fil")]);

        var outcome = await service.ImportRejectedAsync(file);

        Assert.That(outcome.Errors.Single().Reason, Does.StartWith("Filen kan inte läsas som Excel-arbetsbok"));
    }

    [TestCase("", "Filen är tom: den första raden ska vara en rubrikrad med kolumnnamn.")]
    [TestCase("\n\n", "Filen är tom: den första raden ska vara en rubrikrad med kolumnnamn.")]
    [TestCase("vardtillfalle_id;patient_id;kommunkod;alder;vardform;inskrivningsdatum;utskrivningsklar_datum;utskrivningsdatum\n",
        "Filen har en rubrikrad men inga datarader.")]
    public async Task A_file_without_data_rows_is_rejected(string content, string reason)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();

        var outcome = await service.ImportRejectedAsync(folder.WriteText("tom.csv", content));

        Assert.That(outcome.Errors.Single().Reason, Is.EqualTo(reason));
    }
}
