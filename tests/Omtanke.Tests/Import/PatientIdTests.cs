using System.Security.Cryptography;
using System.Text;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Import;

/// <summary>Patient ids: only a keyed hash of their letters and digits reaches the database (EXTRACTS.md).</summary>
public sealed class PatientIdTests
{
    private const string OtherKey = "another-patient-key-fedcba9876543210";

    private static string ExpectedHash(string key, string lettersAndDigits) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(lettersAndDigits))).ToLowerInvariant();

    private static Task<OmtankeService> OpenAsync(string connectionString, string key) =>
        OmtankeService.OpenAsync(new OmtankeSettings(connectionString, key, 5, Path.GetTempPath()));

    [Test]
    public async Task A_raw_patient_id_is_never_stored_anywhere_in_the_database()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        string[] raw = ["19400101-1234", "19350505-4321", "PSEUDO-4711-X"];
        await service.ImportAcceptedAsync(folder.WriteText("uk.csv", Stay.File(
            new Stay("V1", "1380", "2024-03-05", 2, Patient: raw[0]),
            new Stay("V2", "1380", "2024-03-05", 2, Patient: raw[1]),
            new Stay("V3", "1383", "2024-03-05", 2, Patient: raw[2]))));
        // A rejected file with ids in it, and a dry run, must not leave them behind either.
        await service.ImportRejectedAsync(folder.WriteText("fel.csv", Stay.File(
            new Stay("V4", "1380", "2024-03-05", 2, Patient: raw[0], Alder: 200))));
        await service.ImportAsync(folder.WriteText("prov.csv", Stay.File(new Stay("V5", "1380", "2024-04-05", 2, Patient: raw[1]))),
            dryRun: true);

        Assert.That(await service.RowsAsync("""
            SELECT column_name FROM information_schema.columns
            WHERE table_name = 'fact_utskrivningsklara' AND column_name LIKE 'patient%'
            """), Is.EqualTo(new[] { "patient_key" }));
        Assert.That(await service.ScalarAsync<string>("""
            SELECT data_type FROM information_schema.columns WHERE table_name = 'fact_utskrivningsklara' AND column_name = 'patient_key'
            """), Is.EqualTo("bytea"));
        var everything = (await service.SnapshotAsync()).SelectMany(t => t.Value.Select(row => $"{t.Key}: {row}")).ToList();
        Assert.That(everything, Is.Not.Empty);
        foreach (var id in raw)
        {
            var digitsAndLetters = new string(id.Where(char.IsLetterOrDigit).ToArray());
            Assert.That(everything.Where(r => r.Contains(id) || r.Contains(digitsAndLetters) || r.Contains(id[..8])), Is.Empty,
                $"a trace of {id} is stored");
        }
    }

    [Test]
    public async Task The_same_id_with_different_punctuation_gets_the_same_keyed_hash_and_another_id_another()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("uk.csv", Stay.File(
            new Stay("V1", "1380", "2024-03-05", 2, Patient: "19400101-1234"),
            new Stay("V2", "1380", "2024-03-06", 2, Patient: "194001011234"),
            new Stay("V3", "1380", "2024-03-07", 2, Patient: " 19400101 1234 "),
            new Stay("V4", "1380", "2024-03-08", 2, Patient: "19400101+1234"),
            new Stay("V5", "1380", "2024-03-09", 2, Patient: "19400101-1235"),
            new Stay("V6", "1380", "2024-03-09", 2, Patient: "AB-12"))));

        var hashes = await service.RowsAsync("SELECT vardtillfalle_id, patient_key FROM fact_utskrivningsklara ORDER BY line_no");

        var same = ExpectedHash(TestPostgres.PatientKey, "194001011234");
        Assert.That(hashes, Is.EqualTo(new[]
        {
            $"V1|{same}", $"V2|{same}", $"V3|{same}", $"V4|{same}",
            $"V5|{ExpectedHash(TestPostgres.PatientKey, "194001011235")}",
            $"V6|{ExpectedHash(TestPostgres.PatientKey, "AB12")}",
        }));
    }

    [TestCase(16)]
    [TestCase(32)]
    [TestCase(64)]
    [TestCase(65)]
    [TestCase(100)]
    public void Every_id_length_gets_the_HMAC_SHA_256_of_its_letters_and_digits_with_any_key_length(int keyLength)
    {
        var key = Enumerable.Range(0, keyLength).Select(i => (byte)(i * 37 + 11)).ToArray();
        var hasher = new PatientIdHasher(key);
        // libcrypto is on every machine .NET runs on here: short ids take the midstate path, longer ones HMACSHA256.
        Assert.That(hasher.UsesMidstates, Is.True);
        var hash = new byte[PatientIdHasher.HashBytes];
        for (var length = 1; length <= 80; length++)
        {
            var id = string.Concat(Enumerable.Range(0, length).Select(i => "0123456789ABCDEFåäö"[(i * 7 + length) % 19]));
            hasher.Hash(PatientId.Of(id)!, hash);
            Assert.That(hash, Is.EqualTo(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id))), $"id of {length} characters");
        }
    }

    [Test]
    public async Task The_same_id_hashed_with_another_key_gets_another_hash()
    {
        using var folder = new TempFolder();
        var file = folder.WriteText("uk.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2, Patient: "19400101-1234")));
        await using var first = await TestPostgres.CreateServiceAsync();
        await using var second = await OpenAsync(await TestPostgres.CreateDatabaseAsync(), OtherKey);

        await first.ImportAcceptedAsync(file);
        await second.ImportAcceptedAsync(file);

        var a = await first.ScalarAsync<string>("SELECT encode(patient_key, 'hex') FROM fact_utskrivningsklara");
        var b = await second.ScalarAsync<string>("SELECT encode(patient_key, 'hex') FROM fact_utskrivningsklara");
        Assert.That(a, Is.EqualTo(ExpectedHash(TestPostgres.PatientKey, "194001011234")));
        Assert.That(b, Is.EqualTo(ExpectedHash(OtherKey, "194001011234")));
        Assert.That(b, Is.Not.EqualTo(a));
    }

    [Test]
    public async Task Importing_with_another_key_than_the_database_was_first_imported_with_is_refused_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var original = await OpenAsync(database, TestPostgres.PatientKey);
        await original.ImportAcceptedAsync(folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2))));
        var before = await original.SnapshotAsync();

        await using var other = await OpenAsync(database, OtherKey);
        var april = folder.WriteText("april.csv", Stay.File(new Stay("V2", "1380", "2024-04-05", 2)));
        var error = Assert.ThrowsAsync<ImportSetupException>(() => other.ImportAsync(april));

        Assert.That(error!.Message, Does.StartWith("Nyckeln för patientidentiteter (OMTANKE_PATIENT_KEY) är inte den som databasen tidigare importerades med."));
        Rejections.AssertSame(before, await original.SnapshotAsync());
        // The original key still imports.
        await original.ImportAcceptedAsync(april);
    }

    [Test]
    public async Task The_first_accepted_delivery_pins_the_key_not_a_rejected_file_or_a_dry_run()
    {
        using var folder = new TempFolder();
        var database = await TestPostgres.CreateDatabaseAsync();
        await using (var mistaken = await OpenAsync(database, OtherKey))
        {
            await mistaken.ImportRejectedAsync(folder.WriteText("fel.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2, Alder: 300))));
            var dry = await mistaken.ImportAsync(folder.WriteText("prov.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2))), dryRun: true);
            Assert.That(dry.Status, Is.EqualTo(ImportStatus.Accepted), dry.Summary());
        }

        await using var service = await OpenAsync(database, TestPostgres.PatientKey);
        await service.ImportAcceptedAsync(folder.WriteText("mars.csv", Stay.File(new Stay("V1", "1380", "2024-03-05", 2))));

        await using var late = await OpenAsync(database, OtherKey);
        Assert.ThrowsAsync<ImportSetupException>(() => late.ImportAsync(folder.File("prov.csv")));
    }
}
