using Omtanke.Core.Import;
using Omtanke.Core.Storage;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Import;

/// <summary>Every file of data-samples/bad is refused whole, with exactly the errors its README promises.</summary>
public sealed class BadSampleTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.DataSamples, "bad");

    private static ILookup<string, string> ExpectedErrors() =>
        File.ReadLines(Path.Combine(Folder, "expected-errors.csv")).Skip(1)
            .Select(l => l.Split(';'))
            .ToLookup(f => f[0], f => $"{f[1]};{f[2]}");

    public static IEnumerable<TestCaseData> Files() =>
        ExpectedErrors().Select(g => new TestCaseData(g.Key).SetName($"Bad_sample_{Path.GetFileNameWithoutExtension(g.Key)}_is_rejected_with_its_errors"));

    [TestCaseSource(nameof(Files))]
    public async Task Is_rejected_with_the_expected_errors_and_changes_nothing(string file)
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        var outcome = await service.Importer.ImportAsync(new ImportRequest(Path.Combine(Folder, file), "test", "test"));

        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Rejected), outcome.Summary());
        Assert.That(outcome.Errors.Select(e => $"{e.Line};{e.Column}"), Is.EquivalentTo(ExpectedErrors()[file]), outcome.Summary());
        Assert.That(outcome.Errors.All(e => e.Reason.Length > 10), "every error says what is wrong");
        await using var conn = await service.Db.OpenConnectionAsync();
        Assert.That(await Sql.ScalarAsync(conn, "SELECT count(*) FROM indicator_values", default), Is.EqualTo(0L));
        Assert.That(await Sql.ScalarAsync(conn, "SELECT count(*) FROM deliveries WHERE status = 'accepted'", default), Is.EqualTo(0L));
        Assert.That(await Sql.ScalarAsync(conn, "SELECT count(*) FROM deliveries WHERE status = 'rejected'", default), Is.EqualTo(1L));
    }
}
