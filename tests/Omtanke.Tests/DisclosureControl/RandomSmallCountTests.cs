using Omtanke.Core.Storage;

namespace Omtanke.Tests.DisclosureControl;

/// <summary>
/// The guarantee as a property: on random data full of small counts (SIP meetings, palliative figures and stays over
/// half a year, Hylte and Laholm often below the limit), every primary cell is hidden and the audit derives nothing.
/// </summary>
public sealed class RandomSmallCountTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public async Task Random_small_counts_leave_no_hidden_cell_derivable_and_every_primary_cell_hidden(int seed)
    {
        var random = new Random(seed);
        int Small(string kommun) => kommun is "1315" or "1381" ? random.Next(0, 7) : random.Next(0, 25);
        var months = Enumerable.Range(1, 6).Select(m => $"2024-{m:00}").ToList();
        await using var service = await TestPostgres.CreateServiceAsync();
        using var files = new TempFolder("omtanke-random");
        await service.ImportAcceptedAsync(files.WriteText("befolkning.csv", Extracts.BefolkningAllSix(2023)));
        await service.ImportAcceptedAsync(files.WriteText("sip.csv",
            DisclosureFiles.Sip([.. Extracts.Municipalities.SelectMany(k => months.Select(m => (k, m, Small(k))))])));
        await service.ImportAcceptedAsync(files.WriteText("palliativ.csv", DisclosureFiles.Palliativ([.. Extracts.Municipalities
            .SelectMany(k => months.Select(m => (k, m, Small(k))))
            .Select(r => (r.k, r.m, r.Item3, random.Next(0, r.Item3 + 1), random.Next(0, r.Item3 + 1)))])));
        var stays = Extracts.Municipalities.SelectMany(k => months.SelectMany(m => Enumerable.Range(0, Small(k)).Select(i =>
            new Stay($"{k}-{m}-{i}", k, $"{m}-{random.Next(1, 28):00}", random.Next(0, 7), random.Next(4) == 0 ? "psykiatri" : "somatik",
                Sjukhus: "Hallands sjukhus", Enhet: $"Avd {random.Next(1, 5)}")))).ToArray();
        await service.ImportAcceptedAsync(files.WriteText("uk.csv", Stay.File(stays)));

        var audit = await service.Engine.Disclosure.AuditAsync(service.Db, null);
        TestContext.Out.WriteLine($"seed {seed}: {audit.HiddenCells} hidden cells, {audit.Relations} relations");
        Assert.That(audit.PrimaryShown.Select(c => c.ToString()), Is.Empty);
        Assert.That(audit.Derivable.Select(d => $"{d.View.Name}: {d.Cell}"), Is.Empty);
    }
}
