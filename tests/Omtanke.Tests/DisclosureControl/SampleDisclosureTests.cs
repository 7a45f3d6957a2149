using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.DisclosureControl;

/// <summary>
/// The findings of issue 21, each reproduced on the demo data (data-samples/extracts imported as the demo imports them):
/// none of them can be repeated, the audit finds no derivable cell, and the demo writes only the published view.
/// </summary>
[NonParallelizable]
public sealed class SampleDisclosureTests
{
    private OmtankeService _service = null!;
    private string _connectionString = null!;

    [OneTimeSetUp]
    public async Task ImportSamplesAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        _service = await OmtankeService.OpenAsync(new OmtankeSettings(_connectionString, TestPostgres.PatientKey, 5, Path.GetTempPath()));
        var samples = Path.Combine(RepositoryPaths.DataSamples, "extracts");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var outcome = await _service.Importer.ImportAsync(new ImportRequest(file, "test", "demo") { DisplayName = Path.GetRelativePath(samples, file) });
            Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
        }
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
    }

    private async Task<bool> SuppressedAsync(string indicator, string area, string period) =>
        await _service.ScalarAsync<bool>("SELECT suppressed FROM indicator_values WHERE indicator_id = $1 AND area = $2 AND period = $3",
            indicator, area, period);

    [Test]
    public async Task The_audit_finds_no_hidden_cell_that_a_reader_or_a_municipality_could_derive()
    {
        var audit = await _service.Engine.Disclosure.AuditAsync(_service.Db, null);
        TestContext.Out.WriteLine($"{audit.HiddenCells} hidden cells, {audit.Relations} relations");
        Assert.That(audit.Derivable.Select(d => $"{d.View.Name}: {d.Cell}"), Is.Empty);
        Assert.That(audit.PrimaryShown.Select(c => c.ToString()), Is.Empty);
        Assert.That(audit.HiddenCells, Is.GreaterThan(0));
    }

    [Test]
    public async Task Hyltes_hidden_sip_count_of_june_is_hidden_in_the_rate_per_10000_too()
    {
        Assert.That(await SuppressedAsync("sip_antal", "1315", "2024-06"), Is.True);
        Assert.That(await SuppressedAsync("sip_per_10000", "1315", "2024-06"), Is.True);
        var line = await new ValuesLines(_service).PublishedAsync("2024-06", "sip_per_10000", "1315");
        Assert.That(line, Is.EqualTo("sip_per_10000;1315;2024-06;;;..;final;true"));
    }

    [Test]
    public async Task Hyltes_hidden_palliative_share_of_june_is_not_the_region_minus_the_other_municipalities()
    {
        Assert.That(await SuppressedAsync("pal_brytpunktssamtal", "1315", "2024-06"), Is.True);
        var hidden = await _service.ScalarAsync<long>("""
            SELECT count(*) FROM indicator_values
            WHERE indicator_id = 'pal_brytpunktssamtal' AND period = '2024-06' AND suppressed
            """);
        // Hylte and two more: one more would leave Hylte to the users of the other hidden municipality.
        Assert.That(hidden, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Hyltes_hidden_payment_days_of_april_are_not_the_quarter_minus_the_other_months()
    {
        Assert.That(await SuppressedAsync("uk_betalningsdagar", "1315", "2024-04"), Is.True);
        var shown = await _service.RowsAsync("""
            SELECT period FROM indicator_values
            WHERE indicator_id = 'uk_betalningsdagar' AND area = '1315' AND period IN ('2024-Q2', '2024-05', '2024-06') AND NOT suppressed
            """);
        Assert.That(shown, Has.Count.LessThan(3));
    }

    [Test]
    public async Task Every_published_line_of_a_hidden_value_has_its_symbol_and_no_numerator_or_denominator()
    {
        var lines = await new ValuesLines(_service).PublishedAsync("2023-01", "2024-06");
        var hidden = lines.Select(l => l.Split(';')).Where(f => f[7] == "true").ToList();
        Assert.That(hidden, Is.Not.Empty);
        Assert.That(hidden.Where(f => f[3] != "" || f[4] != "" || f[5] is not (".." or "<5")).Select(f => string.Join(';', f)), Is.Empty);
        Assert.That(lines.Select(l => l.Split(';')[5]).Where(v => v.Contains('.') && v.Split('.')[1].Length > 4), Is.Empty,
            "no published value carries more than 4 decimals");
    }

    [Test]
    public async Task The_demo_writes_the_published_view_beside_its_reports()
    {
        using var work = new TempFolder("omtanke-demo");
        Directory.CreateSymbolicLink(Path.Combine(work.Path, "data-samples"), RepositoryPaths.DataSamples);
        var result = await CliProcess.RunAsync(CliEnvironment.For(_connectionString, work.Path), "demo");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = await File.ReadAllLinesAsync(Path.Combine(work.Path, "out", "indikatorvarden.csv"));
        var hidden = lines.Skip(1).Select(l => l.Split(';')).Where(f => f[7] == "true").ToList();
        Assert.That(hidden, Is.Not.Empty);
        Assert.That(hidden.Where(f => f[3] != "" || f[4] != "").Select(f => string.Join(';', f)), Is.Empty);
    }
}
