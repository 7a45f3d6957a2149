using Npgsql;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Cli;

/// <summary>The command line of CLI.md, run as a real process against a test database.</summary>
public sealed class CliTests
{
    private const string Header = "indicator;area;period;numerator;denominator;value;status;suppressed";

    /// <summary>March 2024: Halmstad d = 5 and d = 0 (somatik), Varberg d = 2 (psykiatri); 10 000 aged 65+ everywhere.</summary>
    private static async Task<CliEnvironment> WriteMarchAsync(TempFolder folder)
    {
        folder.WriteText("mars.csv", Stay.File(
            new Stay("V1", "1380", "2024-03-05", 5), new Stay("V2", "1380", "2024-03-06", 0),
            new Stay("V3", "1383", "2024-03-07", 2, Vardform: "psykiatri")));
        folder.WriteText("befolkning.csv", Extracts.BefolkningAllSix(2023));
        return CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);
    }

    /// <summary>The March files, imported.</summary>
    private static async Task<CliEnvironment> MarchAsync(TempFolder folder)
    {
        var env = await WriteMarchAsync(folder);
        var import = await CliProcess.RunAsync(env, "import", "mars.csv", "befolkning.csv");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());
        return env;
    }

    [Test]
    public async Task Import_then_values_prints_the_values_CSV_exactly_as_CLI_md_specifies()
    {
        using var folder = new TempFolder();
        var env = await WriteMarchAsync(folder);

        var import = await CliProcess.RunAsync(env, "import", "mars.csv", "befolkning.csv");

        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());
        Assert.That(import.Stdout, Is.EqualTo(
            "mars.csv: importerad (utskrivningsklara): 3 rader, 2 delar (månad × kommun), 0 ersatta, 0 utomläns\n" +
            "befolkning.csv: importerad (befolkning): 6 rader, 6 delar (månad × kommun), 0 ersatta, 0 utomläns\n"));
        Assert.That(import.Stderr, Is.Empty);

        var values = await CliProcess.RunAsync(env, "values", "--from", "2024-03", "--to", "2024-03");

        Assert.That(values.ExitCode, Is.EqualTo(0), values.ToString());
        Assert.That(values.Stderr, Is.Empty);
        // Computed by hand: d = 5, 0 (Halmstad, somatik) and 2 (Varberg, psykiatri); populations 10 000 aged 65+.
        Assert.That(values.Stdout, Is.EqualTo(string.Join("\n",
            Header,
            "uk_andel_inom_3;13;2024-03;2;3;66.6667;final;true",
            "uk_andel_inom_3;1380;2024-03;1;2;50;final;true",
            "uk_andel_inom_3;1383;2024-03;1;1;100;final;true",
            // Halmstad's 2 days are hidden; every other part is 0, so the region's total is hidden instead (a hidden
            // zero protects nothing), and Varberg's 0 as the total of its care-form breakdown, whose one group has 1 stay.
            "uk_betalningsdagar;13;2024-03;2;;2;final;true",
            "uk_betalningsdagar;1315;2024-03;0;;0;final;false",
            "uk_betalningsdagar;1380;2024-03;2;;2;final;true",
            "uk_betalningsdagar;1381;2024-03;0;;0;final;false",
            "uk_betalningsdagar;1382;2024-03;0;;0;final;false",
            "uk_betalningsdagar;1383;2024-03;0;;0;final;true",
            "uk_betalningsdagar;1384;2024-03;0;;0;final;false",
            // Varberg's 2 days over a population: the count would follow from the rate; then Halmstad's 5 and the region.
            "uk_dagar_per_1000_65;13;2024-03;7;60000;0.1167;final;true",
            "uk_dagar_per_1000_65;1315;2024-03;0;10000;0;final;false",
            "uk_dagar_per_1000_65;1380;2024-03;5;10000;0.5;final;true",
            "uk_dagar_per_1000_65;1381;2024-03;0;10000;0;final;false",
            "uk_dagar_per_1000_65;1382;2024-03;0;10000;0;final;false",
            "uk_dagar_per_1000_65;1383;2024-03;2;10000;0.2;final;true",
            "uk_dagar_per_1000_65;1384;2024-03;0;10000;0;final;false",
            "uk_medeldagar_psykiatri;13;2024-03;2;1;2;final;true",
            "uk_medeldagar_psykiatri;1383;2024-03;2;1;2;final;true",
            "uk_medeldagar_somatik;13;2024-03;5;1;5;final;true",
            "uk_medeldagar_somatik;1380;2024-03;5;1;5;final;true",
            "")));
    }

    [Test]
    public async Task Values_are_UTF8_without_BOM_with_newline_endings()
    {
        using var folder = new TempFolder();
        var env = await MarchAsync(folder);
        using var process = CliProcess.Start(env, "values", "--from", "2024-03", "--to", "2024-03", "--indicator", "uk_betalningsdagar");
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes);
        await process.WaitForExitAsync();

        var raw = bytes.ToArray();
        Assert.That(process.ExitCode, Is.EqualTo(0));
        Assert.That(raw[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(raw, Does.Not.Contain((byte)'\r'));
        Assert.That(System.Text.Encoding.UTF8.GetString(raw), Does.StartWith(Header + "\n"));
    }

    [Test]
    public async Task Quarters_and_years_are_computed_from_all_data_not_clipped_to_the_range()
    {
        using var folder = new TempFolder();
        folder.WriteText("feb-apr.csv", Stay.File(
            new Stay("F1", "1380", "2024-02-10", 5), new Stay("M1", "1380", "2024-03-10", 6),
            new Stay("A1", "1380", "2024-04-10", 7), new Stay("A2", "1383", "2024-04-11", 8)));
        var env = CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);
        Assert.That((await CliProcess.RunAsync(env, "import", "feb-apr.csv")).ExitCode, Is.EqualTo(0));

        var month = await CliProcess.RunAsync(env, "values", "--from", "2024-03", "--to", "2024-04", "--indicator", "uk_betalningsdagar", "--area", "1380");
        var quarter = await CliProcess.RunAsync(env, "values", "--from", "2024-03", "--to", "2024-03", "--period-type", "quarter",
            "--indicator", "uk_betalningsdagar", "--area", "1380");
        var year = await CliProcess.RunAsync(env, "values", "--from", "2024-03", "--to", "2024-03", "--period-type", "year",
            "--indicator", "uk_betalningsdagar", "--area", "1380");

        Assert.That(month.StdoutLines, Is.EqualTo(new[]
        {
            Header, "uk_betalningsdagar;1380;2024-03;3;;3;final;true", "uk_betalningsdagar;1380;2024-04;4;;4;final;true",
        }), month.ToString());
        Assert.That(quarter.StdoutLines, Is.EqualTo(new[] { Header, "uk_betalningsdagar;1380;2024-Q1;5;;5;preliminary;true" }),
            quarter.ToString());
        Assert.That(year.StdoutLines, Is.EqualTo(new[] { Header, "uk_betalningsdagar;1380;2024;9;;9;preliminary;true" }), year.ToString());
    }

    [Test]
    public async Task The_indicator_and_area_filters_select_rows_and_may_be_given_several_values_or_repeated()
    {
        using var folder = new TempFolder();
        var env = await MarchAsync(folder);

        var several = await CliProcess.RunAsync(env, "values", "--from", "2024-03", "--to", "2024-03",
            "--indicator", "uk_medeldagar_somatik", "uk_betalningsdagar", "--area", "1380", "13");
        var repeated = await CliProcess.RunAsync(env, "values", "--area", "1380", "--from", "2024-03", "--indicator", "uk_betalningsdagar",
            "--to", "2024-03", "--area", "13", "--indicator", "uk_medeldagar_somatik");

        var expected = new[]
        {
            Header,
            "uk_betalningsdagar;13;2024-03;2;;2;final;true",
            "uk_betalningsdagar;1380;2024-03;2;;2;final;true",
            "uk_medeldagar_somatik;13;2024-03;5;1;5;final;true",
            "uk_medeldagar_somatik;1380;2024-03;5;1;5;final;true",
        };
        Assert.That(several.StdoutLines, Is.EqualTo(expected), several.ToString());
        Assert.That(repeated.StdoutLines, Is.EqualTo(expected), repeated.ToString());
    }

    [Test]
    public async Task A_range_without_data_prints_only_the_header()
    {
        using var folder = new TempFolder();
        var env = await MarchAsync(folder);

        var result = await CliProcess.RunAsync(env, "values", "--from", "2023-01", "--to", "2023-12");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Is.EqualTo(Header + "\n"));
    }

    [Test]
    public async Task Import_exits_1_when_a_file_is_rejected_and_the_other_files_stay_imported()
    {
        using var folder = new TempFolder();
        folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 5)));
        folder.WriteText("fel.csv", Stay.File(new Stay("V2", "1380", "2024-04-05", 5, Alder: 130)));
        folder.WriteText("befolkning.csv", Extracts.BefolkningAllSix(2023));
        var database = await TestPostgres.CreateDatabaseAsync();
        var env = CliEnvironment.For(database, folder.Path);

        var result = await CliProcess.RunAsync(env, "import", "mars.csv", "fel.csv", "befolkning.csv");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StdoutLines, Is.EqualTo(new[]
        {
            "mars.csv: importerad (utskrivningsklara): 1 rad, 1 del (månad × kommun), 0 ersatta, 0 utomläns",
            "fel.csv: avvisad (utskrivningsklara): 1 fel, inget importerades",
            "  rad 2, kolumn alder, värde \"130\": Måste vara mellan 0 och 120.",
            "  Rätta felen i filen och importera den igen.",
            "befolkning.csv: importerad (befolkning): 6 rader, 6 delar (månad × kommun), 0 ersatta, 0 utomläns",
        }));
        await using var db = NpgsqlDataSource.Create(database);
        Assert.That(await ServiceExtensions.RowsAsync(db, "SELECT file_name, status FROM deliveries ORDER BY id"),
            Is.EqualTo(new[] { "mars.csv|accepted", "fel.csv|rejected", "befolkning.csv|accepted" }));

        var again = await CliProcess.RunAsync(env, "import", "mars.csv");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(again.Stdout, Does.StartWith("mars.csv: oförändrad (utskrivningsklara): samma fil importerades redan som leverans 1 ("));
    }

    [Test]
    public async Task Import_takes_the_source_option_before_the_files()
    {
        using var folder = new TempFolder();
        folder.WriteText("b1.csv", Extracts.BefolkningAllSix(2022));
        folder.WriteText("b2.csv", Extracts.BefolkningAllSix(2023));
        var env = CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);

        var result = await CliProcess.RunAsync(env, "import", "--source", "befolkning", "b1.csv", "b2.csv");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StdoutLines, Has.Length.EqualTo(2));
        Assert.That(result.StdoutLines, Has.All.Contains(": importerad (befolkning): 6 rader"));
    }

    [Test]
    public async Task Import_with_dry_run_validates_and_stores_nothing()
    {
        using var folder = new TempFolder();
        folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 5)));
        var database = await TestPostgres.CreateDatabaseAsync();
        var env = CliEnvironment.For(database, folder.Path);

        var result = await CliProcess.RunAsync(env, "import", "--dry-run", "mars.csv");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.StartWith("mars.csv: godkänd vid provkörning, inget sparat (utskrivningsklara): 1 rad,"));
        await using var db = NpgsqlDataSource.Create(database);
        Assert.That(await ServiceExtensions.RowsAsync(db,
            "SELECT (SELECT count(*) FROM deliveries), (SELECT count(*) FROM fact_utskrivningsklara), (SELECT count(*) FROM indicator_values)"),
            Is.EqualTo(new[] { "0|0|0" }));
    }

    public static IEnumerable<TestCaseData> UsageErrors()
    {
        TestCaseData Case(string expected, params string[] args) => new TestCaseData(args, expected).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("Fel: Ange ett kommando.");
        yield return Case("Fel: Okänt kommando 'frobnicate'.", "frobnicate");
        yield return Case("Fel: --from saknas.", "values", "--to", "2024-03");
        yield return Case("Fel: --from ska vara en månad ÅÅÅÅ-MM, inte '2024-13'.", "values", "--from", "2024-13", "--to", "2024-03");
        yield return Case("Fel: --to får inte vara före --from.", "values", "--from", "2024-04", "--to", "2024-03");
        yield return Case("Fel: --period-type ska vara month, quarter eller year, inte 'week'.",
            "values", "--from", "2024-01", "--to", "2024-03", "--period-type", "week");
        yield return Case("Fel: Okänd indikator: uk_okand.", "values", "--from", "2024-01", "--to", "2024-03", "--indicator", "uk_okand");
        yield return Case("Fel: Okänd flagga: --frm.", "values", "--frm", "2024-01", "--from", "2024-01", "--to", "2024-03");
        yield return Case("Fel: Oväntat argument: 2024-02.", "values", "--from", "2024-01", "2024-02", "--to", "2024-03");
        yield return Case("Fel: --source behöver ett värde.", "import", "finns.csv", "--source");
        yield return Case("Fel: Ange minst en fil att importera.", "import");
        yield return Case("Fel: Filen finns inte: finns-inte.csv.", "import", "finns-inte.csv");
        yield return Case("Fel: Okänd källa 'okand'.", "import", "--source", "okand", "finns.csv");
        yield return Case("Fel: Använd: omtanke db stop", "db", "start");
        // Issue 22: each of these answered a stack trace, or ran as if the argument were not there.
        var last = (DateTime.Today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return Case($"Fel: --period ska vara en månad mellan 1990-01 och {last}-12, inte '0001-01'.",
            "report", "--period", "0001-01", "--out", "ut");
        yield return Case($"Fel: --quarter ska vara ett kvartal ÅÅÅÅ-Qn mellan 1990-Q1 och {last}-Q4, till exempel 2024-Q1, inte '0001-Q1'.",
            "report", "--quarter", "0001-Q1", "--out", "ut");
        yield return Case($"Fel: --from ska vara en månad mellan 1990-01 och {last}-12, inte '0001-01'.",
            "extract", "--kommun", "1380", "--from", "0001-01", "--to", "9999-12", "--out", "ut");
        yield return Case($"Fel: --to ska vara en månad mellan 1990-01 och {last}-12, inte '9999-12'.",
            "values", "--from", "2024-01", "--to", "9999-12");
        yield return Case("Fel: --area behöver minst ett värde.", "values", "--from", "2024-01", "--to", "2024-03", "--area");
        yield return Case("Fel: Oväntat argument: extra.", "demo", "extra");
        yield return Case("Fel: --urls ska vara adresser som http://0.0.0.0:8080 (flera åtskilda med ;), inte 'notaurl'.",
            "serve", "--urls", "notaurl");
    }

    [TestCaseSource(nameof(UsageErrors))]
    public async Task A_usage_error_exits_2_with_a_message_on_standard_error(string[] args, string expected)
    {
        using var folder = new TempFolder();
        folder.WriteText("finns.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 5)));
        var database = await TestPostgres.CreateDatabaseAsync();

        var result = await CliProcess.RunAsync(CliEnvironment.For(database, folder.Path), args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.StartWith(expected));
        await using var db = NpgsqlDataSource.Create(database);
        Assert.That(await ServiceExtensions.RowsAsync(db, "SELECT count(*) FROM deliveries"), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public async Task Importing_with_another_patient_key_exits_2_saying_to_use_the_original_key()
    {
        using var folder = new TempFolder();
        var env = await MarchAsync(folder);
        folder.WriteText("april.csv", Stay.File(new Stay("A1", "1380", "2024-04-05", 5)));

        var result = await CliProcess.RunAsync(env with { PatientKey = "a-different-key-0123456789abcdef" }, "import", "april.csv");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("Fel: Nyckeln för patientidentiteter (OMTANKE_PATIENT_KEY) är inte den som databasen tidigare importerades med."));
        Assert.That((await CliProcess.RunAsync(env, "import", "april.csv")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task Importing_into_OMTANKE_DB_without_a_patient_key_exits_2_saying_what_to_set()
    {
        using var folder = new TempFolder();
        folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 5)));
        var env = CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);

        var missing = await CliProcess.RunAsync(env with { PatientKey = null }, "import", "mars.csv");
        var tooShort = await CliProcess.RunAsync(env with { PatientKey = "kort" }, "import", "mars.csv");

        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.ToString());
        Assert.That(missing.Stderr, Does.StartWith("Fel: OMTANKE_PATIENT_KEY saknas"));
        Assert.That(tooShort.ExitCode, Is.EqualTo(2), tooShort.ToString());
        Assert.That(tooShort.Stderr, Does.StartWith("Fel: ").And.Contain("minst 16"));
    }

    [Test]
    public async Task Values_read_from_OMTANKE_DB_need_no_patient_key()
    {
        using var folder = new TempFolder();
        var env = await MarchAsync(folder);

        var result = await CliProcess.RunAsync(env with { PatientKey = null }, "values", "--from", "2024-03", "--to", "2024-03",
            "--indicator", "uk_medeldagar_somatik");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StdoutLines, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task Recompute_recomputes_every_indicator_and_leaves_the_derived_tables_vacuumed()
    {
        using var folder = new TempFolder();
        var env = CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);
        var visits = Path.Combine(RepositoryPaths.Case("ko05l-beraknad"), "lakarbesok.csv");
        Assert.That((await CliProcess.RunAsync(env, "import", visits)).ExitCode, Is.EqualTo(0));

        var result = await CliProcess.RunAsync(env, "recompute");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.StartWith("Alla 23 indikatorer beräknades på nytt på "));
        await using var conn = new NpgsqlConnection(env.Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT relallvisible > 0 AND relpages = relallvisible FROM pg_class WHERE relname = 'lakarbesok_continuity'", conn);
        Assert.That(await cmd.ExecuteScalarAsync(), Is.True, "every page of the rebuilt runs is marked all-visible by VACUUM");
    }

    [Test]
    public async Task An_unreachable_database_exits_2_with_a_message()
    {
        using var folder = new TempFolder();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var env = new CliEnvironment(folder.Path, $"Host=127.0.0.1;Port={port};Database=x;Username=x;Password=x;Timeout=3",
            TestPostgres.PatientKey);

        var result = await CliProcess.RunAsync(env, "values", "--from", "2024-03", "--to", "2024-03");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.StartWith("Fel: ").And.Contain("Kontrollera databasen"));
    }
}
