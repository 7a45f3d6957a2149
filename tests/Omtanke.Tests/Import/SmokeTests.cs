using Omtanke.Core.Import;
using Omtanke.Core.Indicators;

namespace Omtanke.Tests.Import;

public sealed class ImportSmokeTests
{
    [Test]
    public async Task A_valid_utskrivningsklara_file_is_accepted_and_yields_uk_values()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        await File.WriteAllTextAsync(file, """
            vardtillfalle_id;patient_id;kommunkod;alder;vardform;inskrivningsdatum;utskrivningsklar_datum;utskrivningsdatum
            V1;19400101-1234;1380;84;somatik;2024-03-01;2024-03-05;2024-03-09
            """);
        var outcome = await service.Importer.ImportAsync(new ImportRequest(file, "test", "test"));
        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
        var values = new List<IndicatorValue>();
        await foreach (var v in ValuesQuery.ReadAsync(service.Db, new ValuesFilter(new(2024, 3, 1), new(2024, 3, 1))))
            values.Add(v);
        Assert.That(values.Single(v => v.Indicator == "uk_medeldagar_somatik" && v.Area == "1380").Value, Is.EqualTo(4m));
    }
}
