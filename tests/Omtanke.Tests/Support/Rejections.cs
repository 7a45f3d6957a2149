using System.Text.Json;
using Omtanke.Core.Import;
using Omtanke.Core.Storage;

namespace Omtanke.Tests;

public static class Rejections
{
    /// <summary>
    /// Imports a file that must be rejected, and checks what EXTRACTS.md promises of a rejection: nothing
    /// changes but the delivery history, where the refused file is recorded with its errors.
    /// </summary>
    public static async Task<ImportOutcome> ImportRejectedAsync(this OmtankeService service, string path, string? source = null)
    {
        var before = await service.SnapshotAsync("deliveries", "audit_log");
        var lastDelivery = await service.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM deliveries");
        var outcome = await service.ImportAsync(path, source);
        Assert.That(outcome.Status, Is.EqualTo(ImportStatus.Rejected), outcome.Summary());
        AssertSame(before, await service.SnapshotAsync("deliveries", "audit_log"));

        var recorded = await service.RowsAsync(
            "SELECT status, error_count, errors::text, file_name FROM deliveries WHERE id > $1", lastDelivery);
        Assert.That(recorded, Has.Count.EqualTo(1), "the rejected file is recorded as one delivery");
        var fields = recorded[0].Split('|', 4);
        Assert.That(fields[0], Is.EqualTo("rejected"));
        Assert.That(int.Parse(fields[1]), Is.EqualTo(outcome.ErrorCount));
        Assert.That(fields[3], Is.EqualTo(Path.GetFileName(path)));
        var stored = JsonSerializer.Deserialize<List<ImportError>>(fields[2])!;
        Assert.That(stored, Is.EqualTo(outcome.Errors), "the delivery keeps the errors that were reported");
        return outcome;
    }

    /// <summary>
    /// Imports a file that must be rejected with exactly these errors (line, column, value shown, reason in
    /// Swedish), in this order, and nothing else.
    /// </summary>
    public static async Task<ImportOutcome> ImportRejectedWithAsync(this OmtankeService service, string path,
        params ImportError[] expected)
    {
        var outcome = await service.ImportRejectedAsync(path);
        Assert.That(outcome.Errors, Is.EqualTo(expected), outcome.Summary());
        Assert.That(outcome.ErrorCount, Is.EqualTo(expected.Length));
        return outcome;
    }

    public static void AssertSame(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
        foreach (var (table, rows) in before)
            Assert.That(after[table], Is.EqualTo(rows), $"table {table} changed");
    }
}
