using Omtanke.Tests.Support;

namespace Omtanke.Tests.Cli;

/// <summary>The <c>spc</c> command of CLI.md, run as a real process against a test database.</summary>
public sealed class SpcCliTests
{
    private const string Header = "period;value;status;judged;chart;centre;lower;upper;sigma_z;signal;few_crossings";

    /// <summary>Stays discharged within 3 days, of 40, in Halmstad in 2023-01 … 2023-12.</summary>
    private static readonly int[] WithinThreeDays = [20, 22, 19, 21, 20, 22, 19, 21, 20, 22, 33, 21];

    /// <summary>
    /// Halmstad's 2023: 40 stays a month, the given number with d = 1 and the rest d = 5; January 2024:
    /// three stays, two of them within 3 days, a share whose denominator is below 5 and so hidden.
    /// </summary>
    private static async Task<CliEnvironment> HalmstadAsync(TempFolder folder)
    {
        var stays = WithinThreeDays.SelectMany((within, m) => Enumerable.Range(0, 40).Select(i =>
                new Stay($"S{m}-{i}", "1380", $"2023-{m + 1:00}-05", i < within ? 1 : 5)))
            .Concat([new Stay("J1", "1380", "2024-01-05", 1), new Stay("J2", "1380", "2024-01-05", 1), new Stay("J3", "1380", "2024-01-05", 5)])
            .ToArray();
        folder.WriteText("halmstad.csv", Stay.File(stays));
        var env = CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path);
        var import = await CliProcess.RunAsync(env, "import", "halmstad.csv");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());
        return env;
    }

    [Test]
    public async Task Spc_prints_the_p_prime_analysis_of_a_series_with_its_hidden_month_not_judged()
    {
        // p̄ = 260 / 480 = 54.1667 %; σ = √(p̄(1 − p̄)/40) = 0.078782. z = −0.5289, 0.1058, −0.8462, −0.2116,
        // −0.5289, 0.1058, −0.8462, −0.2116, −0.5289, 0.1058, 3.5964, −0.2116: mean moving range 1.18278,
        // σz = 1.18278 / 1.128 = 1.0486 > 1, so p′: 54.1667 ± 3 · 7.8782 · 1.0486 = 29.3843 … 78.9491 %.
        // November's 82.5 % is above; the share within 3 days is better higher: an improvement.
        // Runs: longest 3 (limit 7), 7 crossings (limit 3). January 2024 (2 of 3) is hidden: "..", not judged.
        using var folder = new TempFolder();
        var env = await HalmstadAsync(folder);

        var result = await CliProcess.RunAsync(env, "spc", "--indicator", "uk_andel_inom_3", "--area", "1380", "--to", "2024-01");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        string Judged(string period, string value, string signal = "none") =>
            $"{period};{value};final;true;p';54.1667;29.3843;78.9491;1.0486;{signal};false";
        Assert.That(result.Stdout, Is.EqualTo(string.Join("\n",
            Header,
            Judged("2023-01", "50"), Judged("2023-02", "55"), Judged("2023-03", "47.5"), Judged("2023-04", "52.5"),
            Judged("2023-05", "50"), Judged("2023-06", "55"), Judged("2023-07", "47.5"), Judged("2023-08", "52.5"),
            Judged("2023-09", "50"), Judged("2023-10", "55"), Judged("2023-11", "82.5", "improvement"), Judged("2023-12", "52.5"),
            "2024-01;..;final;false;p';54.1667;;;1.0486;;false",
            "")));
    }

    [Test]
    public async Task Spc_over_fewer_months_than_12_judged_gives_a_centre_and_nothing_judged()
    {
        // The last six months of 2023: 136 / 240 = 56.6667 %, a p-chart without σz, no limits, no signal.
        using var folder = new TempFolder();
        var env = await HalmstadAsync(folder);

        var result = await CliProcess.RunAsync(env, "spc", "--indicator", "uk_andel_inom_3", "--area", "1380", "--to", "2023-12",
            "--months", "6");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout.Split('\n')[1..^1], Is.EqualTo(new[]
        {
            "2023-07;47.5;final;false;p;56.6667;;;;;", "2023-08;52.5;final;false;p;56.6667;;;;;", "2023-09;50;final;false;p;56.6667;;;;;",
            "2023-10;55;final;false;p;56.6667;;;;;", "2023-11;82.5;final;false;p;56.6667;;;;;", "2023-12;52.5;final;false;p;56.6667;;;;;",
        }));
    }

    [TestCase("Fel: --indicator saknas.", "spc", "--area", "13", "--to", "2024-01")]
    [TestCase("Fel: Okänd indikator 'uk_okand'.", "spc", "--indicator", "uk_okand", "--area", "13", "--to", "2024-01")]
    [TestCase("Fel: --area ska vara 13 (Region Halland) eller en av Hallands kommuner", "spc", "--indicator", "uk_andel_inom_3",
        "--area", "1480", "--to", "2024-01")]
    [TestCase("Fel: --months ska vara ett antal månader, ett heltal från 1 till 1200, inte '0'.", "spc", "--indicator",
        "uk_andel_inom_3", "--area", "13", "--to", "2024-01", "--months", "0")]
    [TestCase("Fel: --to ska vara en månad ÅÅÅÅ-MM, inte '2024'.", "spc", "--indicator", "uk_andel_inom_3", "--area", "13", "--to", "2024")]
    public async Task A_spc_usage_error_exits_2_with_a_message_that_says_what_to_give(string expected, params string[] args)
    {
        using var folder = new TempFolder();
        var result = await CliProcess.RunAsync(CliEnvironment.For(await TestPostgres.CreateDatabaseAsync(), folder.Path), args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.StartWith(expected));
    }
}
