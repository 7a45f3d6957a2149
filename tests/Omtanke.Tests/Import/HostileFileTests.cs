using System.Globalization;
using System.Text;
using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Import;

/// <summary>
/// Issue 22, files written by an attacker or a careless exporter that got through: EXTRACTS.md, Rows and cells and
/// Plausible dates. Each is a row error or a rejected file, and changes nothing.
/// </summary>
public sealed class HostileFileTests
{
    private const string KontinuitetHeader = "period,vardcentral,kommunkod,antal_patienter,kontinuitetsindex";
    private const string PalliativHeader = "period;kommunkod;antal_vantade_dodsfall;antal_brytpunktssamtal;antal_smartskattning";

    private static string FieldCountError(int line, int fields, int headerFields, string delimiter) =>
        $"Raden har {fields} fält men rubrikraden har {headerFields}, så värdena kan inte föras till rätt kolumner. " +
        $"Kontrollera avgränsarna ({delimiter}) och citattecknen på raden, och importera filen igen.";

    // ---- Rows and cells

    [Test]
    public async Task A_csv_row_with_more_fields_than_the_header_is_a_row_error()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // A decimal comma in a comma-delimited file: read by position, kontinuitetsindex became 0.
        var file = folder.WriteText("ko05l.csv", Extracts.Lines(KontinuitetHeader,
            ["2024-01,VC Väst,1380,800,0.61", "2024-01,VC,1383,1000,0,56"]));

        await service.ImportRejectedWithAsync(file, new ImportError(3, null, null, FieldCountError(3, 6, 5, "komma")));
    }

    [Test]
    public async Task A_palliativ_row_with_a_field_too_many_is_a_row_error()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("palliativ.csv", Extracts.Lines(PalliativHeader, ["2024-03;1380;40;30;20;999"]));

        await service.ImportRejectedWithAsync(file, new ImportError(2, null, null, FieldCountError(2, 6, 5, "semikolon")));
    }

    [Test]
    public async Task A_csv_row_with_fewer_fields_than_the_header_is_a_row_error()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("palliativ.csv", Extracts.Lines(PalliativHeader, ["2024-03;1380;40;30;20", "2024-03;1381;40;30"]));

        await service.ImportRejectedWithAsync(file, new ImportError(3, null, null, FieldCountError(3, 4, 5, "semikolon")));
    }

    [Test]
    public async Task A_cell_longer_than_1000_characters_is_a_row_error_even_in_a_column_that_is_ignored()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("palliativ.csv", Extracts.Lines(PalliativHeader + ";kommentar",
            ["2024-03;1380;40;30;20;" + new string('x', 1000), "2024-03;1381;40;30;20;" + new string('y', 1001)]));

        await service.ImportRejectedWithAsync(file, new ImportError(3, "kommentar", new string('y', 40) + "…",
            "Cellen är 1001 tecken lång; ett värde får vara högst 1000 tecken. Korta av cellen (eller rätta exporten som " +
            "lagt text från flera fält i den) och importera filen igen."));
    }

    [Test]
    public async Task A_file_mixing_UTF8_and_Windows1252_is_rejected_not_decoded_by_guess()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var header = "period;vardcentral;kommunkod;antal_patienter;kontinuitetsindex\n";
        var file = folder.WriteBytes("ko05l.csv", [
            .. TempFolder.Utf8.GetBytes(header + "2024-01;Vårdcentralen Veddige;1383;900;0,55\n"),
            .. TempFolder.Windows1252.GetBytes("2024-01;Vårdcentralen Träslövsläge;1383;700;0,6\n"),
        ]);

        await service.ImportRejectedWithAsync(file, new ImportError(null, null, null,
            "Filen är varken giltig UTF-8 eller giltig Windows-1252: troligen är en del av texten UTF-8 och en del " +
            "Windows-1252 (till exempel å skrivet på båda sätten), så tecknen kan inte avkodas säkert. Spara om hela " +
            "filen i en kodning, UTF-8 eller Windows-1252, och importera den igen."));
    }

    [Test]
    public async Task A_Windows1252_file_whose_letters_could_only_be_read_as_UTF8_in_pieces_is_still_Windows1252()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // "Å" followed by "s" is no UTF-8 sequence: the file is plain Windows-1252 and must import.
        var file = folder.WriteText("ko05l.csv", Extracts.Lines("period;vardcentral;kommunkod;antal_patienter;kontinuitetsindex",
            ["2024-01;Åsa vårdcentral;1383;900;0,55", "2024-01;Öströö;1383;100;0,5"]), TempFolder.Windows1252);

        await service.ImportAcceptedAsync(file);

        Assert.That(await service.RowsAsync("SELECT vardcentral FROM fact_kontinuitet ORDER BY line_no"),
            Is.EqualTo(new[] { "Åsa vårdcentral", "Öströö" }));
    }

    // ---- Duplicates

    [Test]
    public async Task A_repeated_period_and_municipality_rejects_the_file_naming_both_lines()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // A key of a date and a text: the exact check looks the candidates' keys up as arrays of their own types.
        var file = folder.WriteText("palliativ.csv", Extracts.Lines(PalliativHeader,
            ["2024-03;1380;40;30;20", "2024-03;1381;40;30;20", "2024-04;1380;40;30;20", "2024-03;1380;41;30;20"]));

        await service.ImportRejectedWithAsync(file, new ImportError(5, "period, kommunkod", "2024-03-01, 1380",
            "Dubblett av rad 2: period, kommunkod ska vara unikt i filen."));
    }

    // ---- Plausible dates

    private static readonly string NextYear = (DateTime.Today.Year + 1).ToString(CultureInfo.InvariantCulture);
    private static readonly string YearAfterNext = (DateTime.Today.Year + 2).ToString(CultureInfo.InvariantCulture);

    private static string DateRefusal =>
        $"Datumet är inte rimligt: det ska ligga mellan 1990-01-01 och {NextYear}-12-31.";

    public static IEnumerable<string> ImplausibleDates() => ["0001-01-01", "1989-12-31", $"{YearAfterNext}-01-01", "9999-12-31"];

    [TestCaseSource(nameof(ImplausibleDates))]
    public async Task A_date_before_1990_or_after_next_year_is_a_row_error(string date)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // A läkarbesök of 0001-01-01 made a dry run recompute every month from year 1, holding the source's lock for minutes.
        var file = folder.WriteText("besok.csv", Extracts.Lakarbesok(["B1;P1;1380;VC Söder;L1;2024-03-01", $"B2;P2;1380;VC Söder;L1;{date}"]));

        await service.ImportRejectedWithAsync(file, new ImportError(3, "besoksdatum", date, DateRefusal));
    }

    [Test]
    public async Task The_first_and_last_plausible_days_are_dates_like_any_other()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("besok.csv", Extracts.Lakarbesok(["B1;P1;1380;VC Söder;L1;1990-01-01", $"B2;P2;1380;VC Söder;L1;{NextYear}-12-31"]));

        await service.ImportAcceptedAsync(file);

        Assert.That(await service.RowsAsync("SELECT besoksdatum FROM fact_lakarbesok ORDER BY line_no"),
            Is.EqualTo(new[] { "1990-01-01", $"{NextYear}-12-31" }));
    }

    [TestCase("2023-07-05T10:00")]
    [TestCase("2023-07-05T10:00:00")]
    [TestCase("2023-07-05\t10:00")]
    public async Task Only_a_space_may_separate_a_date_from_its_time(string written)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("besok.csv", Extracts.Lines(Extracts.LakarbesokHeader.Replace(';', ','),
            [$"B1,P1,1380,VC Söder,L1,2023-07-05 10:00", $"B2,P2,1380,VC Söder,L1,\"{written}\""]));

        await service.ImportRejectedWithAsync(file, new ImportError(3, "besoksdatum", written.Trim(), "Ogiltigt datum: skriv ÅÅÅÅ-MM-DD."));
    }

    [TestCase("9999-12")]
    [TestCase("0001-01")]
    [TestCase("1989-12")]
    public async Task A_period_outside_the_plausible_dates_is_a_row_error(string period)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // A palliativ row for 9999-12 made "december 9999" the month Översikt showed everyone.
        var file = folder.WriteText("palliativ.csv", Extracts.Lines(PalliativHeader, ["2024-03;1380;40;30;20", $"{period};1380;40;30;20"]));

        await service.ImportRejectedWithAsync(file, new ImportError(3, "period", period,
            $"Månaden är inte rimlig: den ska ligga mellan 1990-01 och {NextYear}-12."));
    }

    [TestCase("1989")]
    [TestCase("0001")]
    [TestCase("9999")]
    public async Task A_population_year_outside_the_plausible_dates_is_a_row_error(string year)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("befolkning.csv", Extracts.Befolkning($"{year};1380;100000;20000;5000"));

        await service.ImportRejectedWithAsync(file, new ImportError(2, "ar", year,
            $"Året är inte rimligt: det ska ligga mellan 1990 och {NextYear}."));
    }

    [Test]
    public async Task An_Excel_date_cell_outside_the_plausible_dates_is_a_row_error()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.File("besok.xlsx");
        using (var workbook = new ClosedXML.Excel.XLWorkbook())
        {
            Workbooks.Fill(workbook.AddWorksheet("Besök"), Extracts.LakarbesokHeader.Split(';'),
                ["B1", "P1", "1380", "VC Söder", "L1", new DateTime(2024, 3, 1)],
                ["B2", "P2", "1380", "VC Söder", "L1", new DateTime(1985, 6, 1)]);
            workbook.SaveAs(file);
        }

        await service.ImportRejectedWithAsync(file, new ImportError(3, "besoksdatum", "1985-06-01", DateRefusal));
    }

    // ---- Outages

    [Test, CancelAfter(120_000)]
    public async Task A_statement_of_an_import_that_runs_past_the_configured_timeout_ends_the_import_and_keeps_nothing(
        CancellationToken testCancelled)
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var service = await OmtankeService.OpenAsync(
            new OmtankeSettings(database, TestPostgres.PatientKey, 5, Path.GetTempPath()) { ImportStatementTimeout = TimeSpan.FromSeconds(1) });
        using var folder = new TempFolder();
        var file = folder.WriteText("palliativ.csv", Extracts.Lines(PalliativHeader, ["2024-03;1380;40;30;20"]));
        // A statement that would never end on its own: the load waits for a lock another session keeps.
        await using var blocker = await service.Db.OpenConnectionAsync(testCancelled);
        await using var blocking = await blocker.BeginTransactionAsync(testCancelled);
        await Sql.ExecAsync(blocker, "LOCK TABLE fact_palliativ IN ACCESS EXCLUSIVE MODE", testCancelled);

        var aborted = Assert.ThrowsAsync<ImportAbortedException>(() => service.ImportAsync(file));

        Assert.That(aborted!.Message, Does.StartWith("Importen av palliativ.csv avbröts: en databassats tog längre tid än 1 s " +
            "(gränsen OMTANKE_IMPORT_STATEMENT_TIMEOUT). Inget ur filen sparades."));
        await blocking.RollbackAsync(testCancelled);
        Assert.That(await service.RowsAsync("SELECT (SELECT count(*) FROM deliveries), (SELECT count(*) FROM fact_palliativ)"),
            Is.EqualTo(new[] { "0|0" }));
        await service.ImportAcceptedAsync(file);
    }

    // ---- Races

    [Test]
    public async Task Two_imports_of_the_same_file_at_once_make_one_delivery_and_the_other_is_unchanged()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 5)));
        // Holding the source's import lock lets both runs pass their first look for the file before either loads it.
        await using var holder = await service.Db.OpenConnectionAsync();
        await Sql.ExecAsync(holder, "SELECT pg_advisory_lock(hashtext('import:utskrivningsklara'))", default);

        var imports = new[] { service.ImportAsync(file), service.ImportAsync(file) };
        await WaitForLockWaitersAsync(service.Db, 2, imports);
        await Sql.ExecAsync(holder, "SELECT pg_advisory_unlock(hashtext('import:utskrivningsklara'))", default);
        var outcomes = await Task.WhenAll(imports);

        Assert.That(outcomes.Select(o => o.Status), Is.EquivalentTo(new[] { ImportStatus.Accepted, ImportStatus.Unchanged }),
            string.Join("\n", outcomes.Select(o => o.Summary())));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM deliveries"), Is.EqualTo(1));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_utskrivningsklara"), Is.EqualTo(1));
    }

    private static async Task WaitForLockWaitersAsync(NpgsqlDataSource db, int count, Task[] runs)
    {
        while (!runs.Any(r => r.IsCompleted) && await ServiceExtensions.RowsAsync(db,
                   "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = " +
                   "(SELECT oid FROM pg_database WHERE datname = current_database())") is [var waiting]
               && int.Parse(waiting, CultureInfo.InvariantCulture) < count)
            await Task.Delay(50);
    }
}
