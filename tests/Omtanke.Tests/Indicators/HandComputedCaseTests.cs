using Npgsql;
using Omtanke.Core.Import;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Indicators;

/// <summary>
/// Every folder of data-samples/cases holds a small extract, its values computed by hand (expected.csv, the
/// arithmetic in README.md) and case.txt naming the range, indicators and areas to compare. The files are
/// imported in path order, exactly as a user would deliver them.
/// </summary>
public sealed class HandComputedCaseTests
{
    private static readonly string CasesRoot = Path.Combine(RepositoryPaths.DataSamples, "cases");

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(CasesRoot)
            .Where(d => File.Exists(Path.Combine(d, "case.txt")))
            .Order(StringComparer.Ordinal)
            .Select(d => new TestCaseData(Path.GetFileName(d)).SetName($"Hand_computed_case_{Path.GetFileName(d)}_matches_values"));

    [TestCaseSource(nameof(Cases))]
    public async Task Values_equal_the_hand_computed_rows(string caseName)
    {
        var folder = Path.Combine(CasesRoot, caseName);
        var spec = CaseSpec.Read(Path.Combine(folder, "case.txt"));
        await using var service = await TestPostgres.CreateServiceAsync();
        foreach (var file in CaseInputs(folder))
        {
            var outcome = await service.Importer.ImportAsync(new ImportRequest(file, "test", "test"));
            Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Accepted), outcome.Summary());
        }
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.csv")).Where(l => l.Length > 0).ToList();

        Assert.That(await ValuesAsync(service.Db, spec), Is.EqualTo(expected), "after the deliveries (incremental recompute)");

        await using (var conn = await service.Db.OpenConnectionAsync())
            await service.Engine.RecomputeAllAsync(conn);
        Assert.That(await ValuesAsync(service.Db, spec), Is.EqualTo(expected), "after a full recompute");
    }

    private static IEnumerable<string> CaseInputs(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".csv" or ".txt" or ".xlsx" or ".xls")
            .Where(f => Path.GetFileName(f) is not ("expected.csv" or "case.txt"))
            .Order(StringComparer.Ordinal);

    /// <summary>The values output for month, quarter and year, sorted as one listing.</summary>
    private static async Task<List<string>> ValuesAsync(NpgsqlDataSource db, CaseSpec spec)
    {
        var rows = new List<(IndicatorValue Value, string Line)>();
        foreach (var type in new[] { PeriodType.Month, PeriodType.Quarter, PeriodType.Year })
            await foreach (var v in ValuesQuery.ReadAsync(db, new ValuesFilter(spec.From, spec.To, type, spec.Indicators, spec.Areas)))
                rows.Add((v, ValuesCsv.Line(v, IndicatorCatalog.Find(v.Indicator)!.Kind == IndicatorKind.Count)));
        return [ValuesCsv.Header, .. rows
            .OrderBy(r => r.Value.Indicator, StringComparer.Ordinal)
            .ThenBy(r => r.Value.Area, StringComparer.Ordinal)
            .ThenBy(r => r.Value.Period, StringComparer.Ordinal)
            .Select(r => r.Line)];
    }

    private sealed record CaseSpec(DateOnly From, DateOnly To, IReadOnlyList<string> Indicators, IReadOnlyList<string>? Areas)
    {
        public static CaseSpec Read(string path)
        {
            var fields = File.ReadAllLines(path)
                .Where(l => l.Contains(':'))
                .ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var range = fields["range"];
            return new CaseSpec(DateOnly.Parse(range[0] + "-01"), DateOnly.Parse(range[1] + "-01"), fields["indicators"],
                fields.TryGetValue("areas", out var areas) ? areas : null);
        }
    }
}
