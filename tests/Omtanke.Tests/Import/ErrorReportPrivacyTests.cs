using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Import;

public sealed class ErrorReportPrivacyTests
{
    [Test]
    public async Task A_personnummer_in_the_wrong_column_is_masked_in_the_error_report_and_never_stored()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        // patient_id and kommunkod swapped: the personnummer lands under kommunkod.
        var file = folder.WriteText("skiftad.csv", """
            vardtillfalle_id;kommunkod;patient_id;alder;vardform;inskrivningsdatum;utskrivningsklar_datum;utskrivningsdatum
            V1;19400101-1234;1380;84;somatik;2024-03-01;2024-03-05;2024-03-09
            """);

        var outcome = await service.Importer.ImportAsync(new ImportRequest(file, "test", "test"));

        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Rejected));
        Assert.That(outcome.Summary(), Does.Not.Contain("19400101-1234").And.Contain("kolumn kommunkod"));
        await using var conn = await service.Db.OpenConnectionAsync();
        var stored = (string?)await Sql.ScalarAsync(conn, "SELECT errors::text FROM deliveries WHERE status = 'rejected'", default);
        Assert.That(stored, Does.Not.Contain("1234").And.Contain("dold personidentitet"));
    }

    [TestCase(1380.0, "1380")]
    [TestCase(180.0, "0180")]
    public void A_kommunkod_typed_as_a_number_in_Excel_keeps_its_four_digits(double cell, string expected)
    {
        var reason = new KommunkodType().TryParse(cell, new ImportContext(new PatientIdHasher(new byte[16])), out var value);
        Assert.That(reason, Is.Null);
        Assert.That(value, Is.EqualTo(expected));
    }
}
