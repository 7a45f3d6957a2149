using Omtanke.Core.Storage;
using Omtanke.Tests.Support;

namespace Omtanke.Tests.Indicators;

/// <summary>
/// ko05l_beraknad's refresh takes its own route when a delivery starts at the source's last month with data: a
/// correction of that month, or the next month (INDICATORS.md; the visits are those of data-samples/cases/ko05l-beraknad,
/// whose README has the arithmetic of the months before).
/// </summary>
public sealed class ContinuityRefreshTests
{
    private const string Header = Extracts.LakarbesokHeader + "\n";

    // June: A has L1 3 (A1, A2, A4) and L2 1 (A3): (10 − 4) / 12, in Laholm by A4 beside B's 1/3; D 1/6 as before.
    // July: A L1 3, L2 2: 8 / 20 in Varberg (A5); B L3 2, L4 2: 4 / 12 in Laholm (B11); D L5 2, L6 2, L7 1: 4 / 20.
    private static readonly string[] Expected =
    [
        "2024-06|13|1|3", "2024-06|1381|0.83333333333333333333|2", "2024-06|1384|0.16666666666666666667|1",
        "2024-07|13|0.93333333333333333333|3", "2024-07|1381|0.33333333333333333333|1", "2024-07|1383|0.4|1",
        "2024-07|1384|0.2|1",
    ];

    [Test]
    public async Task Deliveries_at_the_last_month_give_the_continuity_by_hand_and_as_a_full_recompute()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await ImportJuneAsync(service, folder);
        await ImportJulyAsync(service, folder);

        Assert.That(await ContinuityAsync(service), Is.EqualTo(Expected), "after the deliveries");
        var incremental = await service.ValuesLinesAsync("2022-12", "2024-07", indicators: ["ko05l_beraknad"]);

        await using (var conn = await service.Db.OpenConnectionAsync())
            await service.Engine.RecomputeAllAsync(conn);
        Assert.That(await ContinuityAsync(service), Is.EqualTo(Expected), "after a full recompute");
        Assert.That(await service.ValuesLinesAsync("2022-12", "2024-07", indicators: ["ko05l_beraknad"]), Is.EqualTo(incremental));
    }

    [Test]
    public async Task A_delivery_after_crash_recovery_emptied_the_unlogged_runs_rebuilds_them_before_the_values()
    {
        await using var service = await TestPostgres.CreateServiceAsync();
        using var folder = new TempFolder();
        await ImportJuneAsync(service, folder);
        Assert.That(await service.ScalarAsync<string>(
            "SELECT relpersistence::text FROM pg_class WHERE relname = 'lakarbesok_continuity'"), Is.EqualTo("u"));

        // What crash recovery leaves of an unlogged table: nothing.
        await using (var conn = await service.Db.OpenConnectionAsync())
            await Sql.ExecAsync(conn, "TRUNCATE lakarbesok_continuity", default);
        await ImportJulyAsync(service, folder);

        Assert.That(await ContinuityAsync(service), Is.EqualTo(Expected));
        // The runs before July, which a refresh from July on would leave alone, come back as a full recompute gives them.
        var runs = await RunsAsync(service);
        await using (var conn = await service.Db.OpenConnectionAsync())
            await service.Engine.RecomputeAllAsync(conn);
        Assert.That(await RunsAsync(service), Is.EqualTo(runs), "the runs of a full recompute");
    }

    private static Task<List<string>> RunsAsync(OmtankeService service) => service.RowsAsync("""
        SELECT encode(patient_key, 'hex'), area, first_month, end_month, coc FROM lakarbesok_continuity ORDER BY 1, 3
        """);

    private static async Task ImportJuneAsync(OmtankeService service, TempFolder folder)
    {
        await service.ImportAcceptedAsync(Path.Combine(RepositoryPaths.DataSamples, "cases", "ko05l-beraknad", "lakarbesok.csv"));
        // June again for Varberg: A3 with L2, and A4 (L1) the same day, whose id is the greater, from Laholm.
        await service.ImportAcceptedAsync(folder.WriteText("juni-1383.csv", Header +
            "A3;PAT-A;1383;Vårdcentralen Träslöv;L2;2024-06-05\nA4;PAT-A;1381;Vårdcentralen Laholm;L1;2024-06-05\n"));
        // June again for Halmstad: C2 gone (C's only visit left is in April), G's single visit instead.
        await service.ImportAcceptedAsync(folder.WriteText("juni-1380.csv", Header +
            "G1;PAT-G;1380;Vårdcentralen Söder;L1;2024-06-10\n"));
    }

    /// <summary>The next month: the window 2023-02 … 2024-07.</summary>
    private static Task ImportJulyAsync(OmtankeService service, TempFolder folder) =>
        service.ImportAcceptedAsync(folder.WriteText("juli.csv", Header +
            "A5;PAT-A;1383;Vårdcentralen Träslöv;L2;2024-07-02\nB11;PAT-B;1381;Vårdcentralen Laholm;L4;2024-07-03\n" +
            "D7;PAT-D;1384;Vårdcentralen Kungsbacka;L6;2024-07-04\nF19;PAT-F;1280;Vårdcentralen Utomläns;L9;2024-07-15\n"));

    private static Task<List<string>> ContinuityAsync(OmtankeService service) => service.RowsAsync("""
        SELECT period, area, trim_scale(numerator), denominator FROM indicator_values
        WHERE indicator_id = 'ko05l_beraknad' AND period_type = 'month' AND period >= '2024-06' AND denominator > 0
        ORDER BY period, area COLLATE "C"
        """);
}
