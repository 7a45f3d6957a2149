using Omtanke.Core.DisclosureControl;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.DisclosureControl;

/// <summary>
/// The disclosure engine on small hand-made deliveries (INDICATORS.md, Disclosure control): which values it hides, and
/// that the audit then finds nothing a reader or a municipality's user could compute back.
/// </summary>
public sealed class DisclosureEngineTests
{
    private OmtankeService _service = null!;
    private TempFolder _files = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _service = await TestPostgres.CreateServiceAsync();
        _files = new TempFolder("omtanke-disclosure");
        await _service.ImportAcceptedAsync(_files.WriteText("befolkning.csv", Extracts.BefolkningAllSix(2023, total: 10_946)));
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _service.DisposeAsync();
        _files.Dispose();
    }

    private Task ImportAsync(string name, string content) => _service.ImportAcceptedAsync(_files.WriteText(name, content));

    /// <summary>The (indicator, area, period) of every suppressed value of the indicators, as "indicator area period".</summary>
    private Task<List<string>> HiddenAsync(params string[] indicators) => _service.RowsAsync("""
        SELECT indicator_id || ' ' || area || ' ' || period FROM indicator_values
        WHERE suppressed AND indicator_id = ANY($1) ORDER BY 1
        """, (object)indicators);

    private async Task AssertNothingDerivableAsync()
    {
        var audit = await _service.Engine.Disclosure.AuditAsync(_service.Db, null);
        Assert.That(audit.Derivable.Select(d => $"{d.View.Name}: {d.Cell}"), Is.Empty);
        Assert.That(audit.PrimaryShown.Select(c => c.ToString()), Is.Empty);
    }

    [Test]
    public async Task A_small_count_is_hidden_in_the_rate_that_shares_its_numerator_too()
    {
        // Issue 21: Hylte's sip_antal 2024-06 was <5 while sip_per_10000 beside it, 0.9135757…, gave 1 × 10 946 / 10 000.
        await ImportAsync("sip.csv", DisclosureFiles.Sip([("1315", "2024-06", 1), .. Extracts.Municipalities.Skip(1).Select(k => (k, "2024-06", 30))]));

        Assert.That(await HiddenAsync("sip_antal", "sip_per_10000"), Does.Contain("sip_antal 1315 2024-06").And.Contain("sip_per_10000 1315 2024-06"));
        var published = await new ValuesLines(_service).PublishedAsync("2024-06", "sip_per_10000", "1315");
        Assert.That(published, Is.EqualTo("sip_per_10000;1315;2024-06;;;..;final;true"));
        await AssertNothingDerivableAsync();
    }

    [Test]
    public async Task A_lone_hidden_municipality_is_covered_so_that_neither_a_reader_nor_another_municipality_can_subtract_it()
    {
        // Hylte's 2 is hidden; the region minus five visible municipalities would give it, so Halmstad's 10 (the smallest
        // non-zero) is hidden too — and Halmstad's own users, who see their 10, would still get Hylte's 2: Laholm's 20 as well.
        await ImportAsync("sip.csv", DisclosureFiles.Sip([("1315", "2024-01", 2), ("1380", "2024-01", 10), ("1381", "2024-01", 20),
            ("1382", "2024-01", 30), ("1383", "2024-01", 40), ("1384", "2024-01", 50)]));

        var hidden = (await HiddenAsync("sip_antal")).Where(h => h.EndsWith("2024-01")).ToList();
        Assert.That(hidden, Is.EqualTo(new[] { "sip_antal 1315 2024-01", "sip_antal 1380 2024-01", "sip_antal 1381 2024-01" }));
        await AssertNothingDerivableAsync();
    }

    [Test]
    public async Task A_hidden_zero_is_never_the_cell_chosen_to_protect_another()
    {
        // Issue 21: the extract's secondary '..' was a 0 that followed from "andel inom 3 dagar = 100".
        await ImportAsync("sip.csv", DisclosureFiles.Sip([("1315", "2024-01", 2), ("1380", "2024-01", 0), ("1381", "2024-01", 9),
            ("1382", "2024-01", 30), ("1383", "2024-01", 40), ("1384", "2024-01", 50)]));

        var hidden = await HiddenAsync("sip_antal");
        Assert.That(hidden, Does.Contain("sip_antal 1381 2024-01").And.Not.Contain("sip_antal 1380 2024-01"));
        await AssertNothingDerivableAsync();
    }

    [Test]
    public async Task A_hidden_month_cannot_be_computed_as_its_quarter_minus_the_other_months()
    {
        // Issue 21: RUG's quarter minus the visible months gave Hylte's hidden months.
        await ImportAsync("sip.csv", DisclosureFiles.Sip([.. DisclosureFiles.Months("1315", 2024, 2, 7, 9),
            .. Extracts.Municipalities.Skip(1).SelectMany(k => DisclosureFiles.Months(k, 2024, 30, 31, 32))]));

        var hidden = await HiddenAsync("sip_antal");
        Assert.That(hidden, Does.Contain("sip_antal 1315 2024-01"));
        var hyltesQuarterParts = new[] { "sip_antal 1315 2024-Q1", "sip_antal 1315 2024-02", "sip_antal 1315 2024-03" };
        Assert.That(hyltesQuarterParts.Count(hidden.Contains), Is.GreaterThanOrEqualTo(1),
            "the quarter and the other two months cannot all be shown while January is hidden");
        await AssertNothingDerivableAsync();
    }

    [Test]
    public async Task A_ratio_over_few_is_hidden_with_enough_others_that_the_region_minus_the_rest_gives_nothing()
    {
        // Issue 21: pal_brytpunktssamtal 2024-06 gave the region 143/199 and five municipalities 141/195: Hylte's 2/4.
        await ImportAsync("palliativ.csv", DisclosureFiles.Palliativ([("1315", "2024-06", 4, 2, 3), ("1380", "2024-06", 60, 40, 50),
            ("1381", "2024-06", 20, 15, 18), ("1382", "2024-06", 30, 20, 25), ("1383", "2024-06", 40, 30, 35), ("1384", "2024-06", 45, 35, 40)]));

        var hidden = await HiddenAsync("pal_brytpunktssamtal", "pal_smartskattning");
        Assert.That(hidden, Does.Contain("pal_brytpunktssamtal 1315 2024-06").And.Contain("pal_smartskattning 1315 2024-06"));
        Assert.That(hidden.Count(h => h.StartsWith("pal_brytpunktssamtal 13") && h.EndsWith("2024-06")), Is.GreaterThanOrEqualTo(3));
        await AssertNothingDerivableAsync();
    }

    [Test]
    public async Task A_small_ward_is_hidden_whole_with_another_and_the_breakdown_total_is_the_published_indicator()
    {
        var stays = new List<Stay>();
        void Add(string kommun, string ward, int count, int d) =>
            stays.AddRange(Enumerable.Range(0, count).Select(i => new Stay($"{kommun}-{ward}-{i}", kommun, $"2024-01-{i + 1:00}", d,
                Sjukhus: "Hallands sjukhus", Enhet: ward)));
        Add("1383", "Avd A", 2, 5);
        Add("1383", "Avd B", 8, 1);
        Add("1383", "Avd C", 12, 2);
        foreach (var kommun in Extracts.Municipalities.Where(k => k != "1383")) Add(kommun, "Avd C", 20, 2);
        await ImportAsync("uk.csv", Stay.File([.. stays]));

        var wards = await _service.RowsAsync("""
            SELECT groups[2], bool_or(hidden) FROM breakdown_values
            WHERE breakdown = 'Sjukhus och avdelning' AND kommun = '1383' AND cardinality(groups) > 0
            GROUP BY groups[2] ORDER BY 1
            """);
        Assert.That(wards, Is.EqualTo(new[] { "Avd A|True", "Avd B|True", "Avd C|False" }));
        var total = await _service.RowsAsync("""
            SELECT value FROM breakdown_values
            WHERE breakdown = 'Sjukhus och avdelning' AND kommun = '1383' AND cardinality(groups) = 0 AND measure = 0
            """);
        Assert.That(total, Is.EqualTo(new[] { "22" }));
        // 20 of Varberg's 22 stays within 3 days: the total the wards add up to is the indicator's denominator.
        Assert.That(await _service.ValueAsync("uk_andel_inom_3", "1383", "2024-Q1"), Is.EqualTo("20;22;90.9091"));
        await AssertNothingDerivableAsync();
    }
}
