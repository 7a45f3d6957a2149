using Omtanke.Core.Import;
using Omtanke.Core.Indicators;

namespace Omtanke.Tests.Import;

/// <summary>Deliveries and corrections: slices supersede, back-fills, identical files and dry runs (EXTRACTS.md).</summary>
public sealed class DeliveryTests
{
    /// <summary>Current rows per (month, kommunkod) slice, with the file of the delivery they came from.</summary>
    private static Task<List<string>> CurrentSlicesAsync(Core.Storage.OmtankeService service) => service.RowsAsync("""
        SELECT to_char(f.ref_month, 'YYYY-MM'), f.area, d.file_name, count(*)
        FROM fact_utskrivningsklara f JOIN deliveries d ON d.id = f.delivery_id
        WHERE f.current GROUP BY 1, 2, 3 ORDER BY 1, 2
        """);

    [Test]
    public async Task A_delivery_supersedes_exactly_the_month_and_municipality_slices_it_holds()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // Q1 for Halmstad and Varberg: every stay has d = 5, i.e. 2 payment days.
        var stays = new List<Stay>();
        foreach (var month in new[] { "01", "02", "03" })
            foreach (var kommun in new[] { "1380", "1383" })
                stays.AddRange(Enumerable.Range(1, 3).Select(i => new Stay($"{kommun}-{month}-{i}", kommun, $"2024-{month}-1{i}", 5)));
        await service.ImportAcceptedAsync(folder.WriteText("kvartal.csv", Stay.File([.. stays])));
        var before = await service.ValuesLinesAsync("2024-01", "2024-03");

        // A correction for February in Halmstad only: two stays, d = 10 (7 payment days each).
        var correction = await service.ImportAcceptedAsync(folder.WriteText("rattelse.csv", Stay.File(
            new Stay("1380-02-1", "1380", "2024-02-11", 10), new Stay("1380-02-9", "1380", "2024-02-19", 10))));

        Assert.That(correction.SlicesCovered, Is.EqualTo(1));
        Assert.That(correction.SlicesSuperseded, Is.EqualTo(1));
        Assert.That(correction.Summary(), Is.EqualTo(
            "rattelse.csv: importerad (utskrivningsklara): 2 rader, 1 del (månad × kommun), 1 ersatta, 0 utomläns"));
        Assert.That(await CurrentSlicesAsync(service), Is.EqualTo(new[]
        {
            "2024-01|1380|kvartal.csv|3", "2024-01|1383|kvartal.csv|3",
            "2024-02|1380|rattelse.csv|2", "2024-02|1383|kvartal.csv|3",
            "2024-03|1380|kvartal.csv|3", "2024-03|1383|kvartal.csv|3",
        }));
        // The superseded rows and delivery are kept for the audit trail, not counted.
        Assert.That(await service.RowsAsync("SELECT count(*) FILTER (WHERE NOT current), count(*) FROM fact_utskrivningsklara"),
            Is.EqualTo(new[] { "3|20" }));
        Assert.That(await service.RowsAsync("""
            SELECT d.file_name, to_char(s.month, 'YYYY-MM'), s.kommunkod, b.file_name
            FROM delivery_slices s JOIN deliveries d ON d.id = s.delivery_id JOIN deliveries b ON b.id = s.superseded_by
            """), Is.EqualTo(new[] { "kvartal.csv|2024-02|1380|rattelse.csv" }));

        // Values and status only: which values disclosure control hides follows from all of them together.
        static IEnumerable<string> Unsuppressed(IEnumerable<string> lines) => lines.Select(l => l[..l.LastIndexOf(';')]);
        var after = Unsuppressed(await service.ValuesLinesAsync("2024-01", "2024-03")).ToList();
        Assert.That(after.Except(Unsuppressed(before)).Where(l => l.StartsWith("uk_betalningsdagar")), Is.EqualTo(new[]
        {
            "uk_betalningsdagar;13;2024-02;20;;20;final",
            "uk_betalningsdagar;1380;2024-02;14;;14;final",
        }));
        Assert.That(Unsuppressed(before).Except(after).Where(l => l.StartsWith("uk_betalningsdagar")), Is.EqualTo(new[]
        {
            "uk_betalningsdagar;13;2024-02;12;;12;final",
            "uk_betalningsdagar;1380;2024-02;6;;6;final",
        }));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "1380", "2024-Q1"), Is.EqualTo("26;;26"));
        Assert.That(await service.ValueAsync("uk_medeldagar_somatik", "1380", "2024-02"), Is.EqualTo("20;2;10"));
        Assert.That(await service.ValueAsync("uk_medeldagar_somatik", "1383", "2024-02"), Is.EqualTo("15;3;5"));
        Assert.That(await service.ValueAsync("uk_medeldagar_somatik", "13", "2024-02"), Is.EqualTo("35;5;7"));
    }

    [Test]
    public async Task A_back_fill_of_several_months_supersedes_the_slices_it_holds_and_adds_the_new_ones()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("mars.csv", Stay.File(
            new Stay("A1", "1380", "2024-03-05", 4), new Stay("A2", "1383", "2024-03-05", 4))));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "13", "2024-Q1"), Is.EqualTo("2;;2"));
        Assert.That((await service.ValuesLinesAsync("2024-01", "2024-03", PeriodType.Quarter, ["uk_betalningsdagar"], ["13"]))[1],
            Is.EqualTo("uk_betalningsdagar;13;2024-Q1;2;;2;preliminary;true"), "January and February lack data");

        var backFill = await service.ImportAcceptedAsync(folder.WriteText("jan-mar-halmstad.csv", Stay.File(
            new Stay("B1", "1380", "2024-01-10", 6), new Stay("B2", "1380", "2024-02-10", 7),
            new Stay("B3", "1380", "2024-03-10", 8), new Stay("B4", "1380", "2024-03-12", 0))));

        Assert.That(backFill.SlicesCovered, Is.EqualTo(3));
        Assert.That(backFill.SlicesSuperseded, Is.EqualTo(1));
        Assert.That(await CurrentSlicesAsync(service), Is.EqualTo(new[]
        {
            "2024-01|1380|jan-mar-halmstad.csv|1", "2024-02|1380|jan-mar-halmstad.csv|1",
            "2024-03|1380|jan-mar-halmstad.csv|2", "2024-03|1383|mars.csv|1",
        }));
        // B1's 2024-01-10 + 6 days is still January.
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "1380", "2024-01"), Is.EqualTo("3;;3"));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "1383", "2024-01"), Is.EqualTo("0;;0"));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "1380", "2024-02"), Is.EqualTo("4;;4"));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "1380", "2024-03"), Is.EqualTo("5;;5"));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "1383", "2024-03"), Is.EqualTo("1;;1"));
        Assert.That(await service.ValueAsync("uk_betalningsdagar", "13", "2024-Q1"), Is.EqualTo("13;;13"));
        var quarter = await service.ValuesLinesAsync("2024-01", "2024-03", PeriodType.Quarter, ["uk_betalningsdagar"], ["13"]);
        Assert.That(quarter[1], Does.StartWith("uk_betalningsdagar;13;2024-Q1;13;;13;final;"), "all three months have data now");
    }

    [Test]
    public async Task Importing_a_byte_identical_file_again_says_unchanged_and_changes_nothing()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var content = Stay.File(new Stay("V1", "1380", "2024-03-05", 4), new Stay("V2", "1383", "2024-03-05", 9));
        var first = await service.ImportAcceptedAsync(folder.WriteText("mars.csv", content));
        var before = await service.SnapshotAsync();

        var again = await service.ImportAsync(folder.File("mars.csv"));
        var renamed = await service.ImportAsync(folder.WriteText("mars-kopia.csv", content));

        foreach (var outcome in new[] { again, renamed })
        {
            Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Unchanged), outcome.Summary());
            Assert.That(outcome.SameAsDelivery, Is.EqualTo(first.DeliveryId));
            Assert.That(outcome.Summary(), Does.Match(
                $@"^{outcome.FileName}: oförändrad \(utskrivningsklara\): samma fil importerades redan som leverans {first.DeliveryId} \(\d{{4}}-\d\d-\d\d \d\d:\d\d\)$"));
        }
        Rejections.AssertSame(before, await service.SnapshotAsync());

        // One byte more is another file: it is imported and supersedes the same slices.
        var changed = await service.ImportAcceptedAsync(folder.WriteText("mars-2.csv", content + "\n"));
        Assert.That(changed.SlicesSuperseded, Is.EqualTo(2));
    }

    [Test]
    public async Task A_dry_run_of_a_good_file_reports_what_would_be_imported_and_changes_nothing()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var file = folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 4), new Stay("V2", "1480", "2024-03-05", 9)));
        var empty = await service.SnapshotAsync();

        var dry = await service.ImportAsync(file, dryRun: true);

        Assert.That(dry.Status, Is.EqualTo(ImportStatus.Accepted), dry.Summary());
        Assert.That(dry.DeliveryId, Is.Null);
        Assert.That(dry.Summary(), Is.EqualTo(
            "mars.csv: godkänd vid provkörning, inget sparat (utskrivningsklara): 2 rader, 2 delar (månad × kommun), 0 ersatta, 1 utomläns"));
        Rejections.AssertSame(empty, await service.SnapshotAsync());

        // On a database with data, and for a file that would supersede it, too.
        await service.ImportAcceptedAsync(file);
        var before = await service.SnapshotAsync();
        var correction = folder.WriteText("rattelse.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 1)));
        var dryCorrection = await service.ImportAsync(correction, dryRun: true);
        Assert.That(dryCorrection.SlicesSuperseded, Is.EqualTo(1), dryCorrection.Summary());
        var dryAgain = await service.ImportAsync(file, dryRun: true);
        Assert.That(dryAgain.Status, Is.EqualTo(ImportStatus.Accepted), "a dry run validates the file even when it was imported");
        Rejections.AssertSame(before, await service.SnapshotAsync());

        // The dry run left nothing that would stop the real import.
        Assert.That((await service.ImportAcceptedAsync(correction)).SlicesSuperseded, Is.EqualTo(1));
    }

    [Test]
    public async Task A_dry_run_of_a_bad_file_reports_the_errors_and_records_nothing()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var before = await service.SnapshotAsync();

        var dry = await service.ImportAsync(folder.WriteText("fel.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 4, Alder: 121))), dryRun: true);

        Assert.That(dry.Status, Is.EqualTo(ImportStatus.Rejected));
        Assert.That(dry.Errors, Is.EqualTo(new[] { new ImportError(2, "alder", "121", "Måste vara mellan 0 och 120.") }));
        Rejections.AssertSame(before, await service.SnapshotAsync());
    }

    [Test]
    public async Task A_population_file_supersedes_the_years_and_municipalities_it_holds()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("uk.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 10))));
        await service.ImportAcceptedAsync(folder.WriteText("befolkning-2023.csv", Extracts.BefolkningAllSix(2023, over65: 20_000)));
        Assert.That(await service.ValueAsync("uk_dagar_per_1000_65", "1380", "2024-03"), Is.EqualTo("10;20000;0.5"));

        var correction = await service.ImportAcceptedAsync(folder.WriteText("befolkning-rattelse.csv",
            Extracts.Befolkning("2023;1380;100 000;25 000;5 000", "2022;1380;100 000;40 000;5 000")));

        Assert.That(correction.SlicesSuperseded, Is.EqualTo(1));
        Assert.That(await service.ValueAsync("uk_dagar_per_1000_65", "1380", "2024-03"), Is.EqualTo("10;25000;0.4"));
        Assert.That(await service.ValueAsync("uk_dagar_per_1000_65", "13", "2024-03"), Is.EqualTo("10;125000;0.08"));
        Assert.That(await service.RowsAsync("SELECT ar, kommunkod, antal_65_plus FROM fact_befolkning WHERE current AND kommunkod IN ('1380', '1383') ORDER BY 1, 2"),
            Is.EqualTo(new[] { "2022|1380|40000", "2023|1380|25000", "2023|1383|20000" }));
    }
}
