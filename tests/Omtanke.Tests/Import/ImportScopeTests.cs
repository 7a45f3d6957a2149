using Omtanke.Core.Import;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Import;

/// <summary>A municipality delivers only its own slices of the sources it produces itself.</summary>
public sealed class ImportScopeTests
{
    private const string Varberg = "1383";
    private const string PalliativHeader = "period;kommunkod;antal_vantade_dodsfall;antal_brytpunktssamtal;antal_smartskattning";

    private static Task<ImportOutcome> ImportAsVarbergAsync(OmtankeService service, string path, string? source = null) =>
        service.Importer.ImportAsync(new ImportRequest(path, "vera", "web")
        {
            SourceId = source, Scope = ImportScope.Municipality(Varberg),
        });

    [Test]
    public async Task A_municipalitys_own_file_supersedes_its_own_slice_and_leaves_the_other_municipalities_delivered_by_the_region()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await service.ImportAcceptedAsync(folder.WriteText("region.csv",
            Extracts.Lines(PalliativHeader, Extracts.Municipalities.Select(k => $"2024-06;{k};20;10;10"))));

        var own = await ImportAsVarbergAsync(service, folder.WriteText("varberg.csv", Extracts.Lines(PalliativHeader, ["2024-06;1383;20;15;18"])));

        Assert.That(own.Status, Is.EqualTo(ImportStatus.Accepted), own.Summary());
        Assert.That(own.SlicesSuperseded, Is.EqualTo(1));
        Assert.That(await service.RowsAsync("""
            SELECT s.kommunkod, d.file_name FROM delivery_slices s JOIN deliveries d ON d.id = s.delivery_id
            WHERE s.superseded_by IS NULL ORDER BY s.kommunkod
            """), Is.EqualTo(new[]
        {
            "1315|region.csv", "1380|region.csv", "1381|region.csv", "1382|region.csv", "1383|varberg.csv", "1384|region.csv",
        }));
        Assert.That(await service.ValueAsync("pal_brytpunktssamtal", Varberg, "2024-06"), Is.EqualTo("15;20;75"));
        Assert.That(await service.RowsAsync("SELECT actor, details->>'kommunkod' FROM audit_log WHERE action = 'import' ORDER BY id"),
            Is.EqualTo(new[] { "test|", "vera|1383" }));
    }

    [Test]
    public async Task A_row_of_another_municipality_or_county_rejects_the_whole_file_saying_where_and_what_to_do()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var path = folder.WriteText("palliativ-juni.csv", Extracts.Lines(PalliativHeader,
            ["2024-06;1383;20;15;18", "2024-06;1380;56;39;49", "2024-06;1280;3;1;1"]));

        var outcome = await ImportAsVarbergAsync(service, path);

        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Rejected));
        Assert.That(outcome.Summary(), Is.EqualTo("""
            palliativ-juni.csv: avvisad (palliativ): 2 fel, inget importerades
              rad 3, kolumn kommunkod, värde "1380": Du får bara leverera för Varberg (1383). Raden gäller Halmstad (1380): ta bort raden ur filen eller rätta kommunkoden, och ladda upp filen igen.
              rad 4, kolumn kommunkod, värde "1280": Du får bara leverera för Varberg (1383). Raden gäller kommunkod 1280, utanför Halland: ta bort raden ur filen eller rätta kommunkoden, och ladda upp filen igen.
              Rätta felen i filen och importera den igen.
            """.ReplaceLineEndings("\n")));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_palliativ"), Is.EqualTo(0));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM delivery_slices"), Is.EqualTo(0));
        Assert.That(await service.RowsAsync("SELECT actor, details->>'kommunkod', details->>'errors' FROM audit_log WHERE action = 'import-avvisad'"),
            Is.EqualTo(new[] { "vera|1383|2" }));
    }

    [Test]
    public async Task A_deviation_of_another_municipality_is_reported_in_the_column_that_names_that_municipality()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var path = folder.WriteText("avvikelser.csv", Extracts.Lines("arende_id;typ;rapporterad_datum;rapporterad_av;mottagare;kategori",
            ["A1;avvikelse;2024-05-02;1383;region;sip", "A2;avvikelse;2024-05-03;region;1383;sip", "A3;tvist;2024-05-04;region;1381;sip"]));

        var outcome = await ImportAsVarbergAsync(service, path);

        Assert.That(outcome.Errors.Select(e => $"{e.Line} {e.Column} {e.Value}"), Is.EqualTo(new[] { "4 mottagare 1381" }));
    }

    [Test]
    public async Task A_source_that_only_the_region_delivers_is_refused_before_any_row_is_read()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        var path = folder.WriteText("varbergs-stays.csv", Stay.File(new Stay("1", Varberg, "2024-03-04", 2)));

        var outcome = await ImportAsVarbergAsync(service, path);

        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Rejected));
        Assert.That(outcome.Errors.Single().ToString(), Does.StartWith(
            "rad 1: Källan utskrivningsklara (Utskrivningsklara vårdtillfällen) levereras av Region Halland för alla kommuner, " +
            "så Varberg (1383) kan inte leverera den.").And.EndWith("sip, avvikelser, hemsjukvard, palliativ."));
        Assert.That(await service.ScalarAsync<long>("SELECT count(*) FROM fact_utskrivningsklara"), Is.EqualTo(0));
    }
}
