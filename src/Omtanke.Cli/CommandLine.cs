using Omtanke.Core.Import;
using Omtanke.Core.Storage;

namespace Omtanke.Cli;

/// <summary>The command line of spec/CLI.md: dispatches a command and turns failures into exit code 2.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int SomeFilesRejected = 1;
    /// <summary>A check (audit disclosure) found what it looks for.</summary>
    public const int CheckFailed = 1;
    /// <summary>report --as-presented: the month was never approved.</summary>
    public const int NotApproved = 1;
    public const int UsageOrFailure = 2;

    public const string Usage = """
        Användning: omtanke <kommando> [flaggor]

          import [--source ID] [--dry-run] FIL…   validera och importera extrakt
          values --from ÅÅÅÅ-MM --to ÅÅÅÅ-MM [--period-type month|quarter|year]
                 [--indicator ID…] [--area KOD…] [--published]
                                                  skriv indikatorvärden som CSV (--published: som
                                                  de publiceras, dolda värden som .. eller <5)
          audit disclosure [--from ÅÅÅÅ-MM --to ÅÅÅÅ-MM]
                                                  pröva att inget dolt värde kan räknas fram
          recompute                               beräkna alla indikatorer på nytt
          targets list                            visa målen och deras historik
          targets set --indicator ID --value TAL --direction at_least|at_most [--from ÅÅÅÅ-MM]
          targets set --indicator ID --remove [--from ÅÅÅÅ-MM]
          report --period ÅÅÅÅ-MM --out KATALOG   månadens Indikatorrapport
          report --period ÅÅÅÅ-MM --as-presented --out KATALOG
                                                  arbetsboken som den visades vid fastställandet
          report --quarter ÅÅÅÅ-Qn --out KATALOG  kvartalsuppföljning för RUG
          approve --month ÅÅÅÅ-MM [--by NAMN]     fastställ månaden efter mötet; skriver ögonblicksbildens id
          revisions [--month ÅÅÅÅ-MM]             visade värden som ändrats sedan, som CSV
          comment add --indicator ID --area KOD --period ÅÅÅÅ-MM --text TEXT
                      [--action --owner NAMN --follow-up ÅÅÅÅ-MM]
          comment list [--indicator ID] [--area KOD]
          meeting-pack --month ÅÅÅÅ-MM --out KATALOG  mötesunderlaget: översikt, händelser, åtgärder, leveranser
          extract --kommun KOD --from ÅÅÅÅ-MM --to ÅÅÅÅ-MM --out KATALOG
          spc --indicator ID --area KOD --to ÅÅÅÅ-MM [--months N]
                                                  styrdiagrammets bedömning av en serie som CSV
          demo                                    importera data-samples/ och skriv rapporter under out/
          samples --out KATALOG [--scale N]       skriv realistiska exempelextrakt för alla källor
          serve [--urls http://0.0.0.0:8080]      kör webbapplikationen och bakgrundsjobben
          db stop                                 stoppa den inbäddade databasen

        Databas: OMTANKE_DB (Npgsql-anslutningssträng); utan den används ett inbäddat
        PostgreSQL-kluster under .omtanke/ i arbetskatalogen. OMTANKE_IMPORT_STATEMENT_TIMEOUT (sekunder,
        standard 600) är hur länge en databassats i en import får pågå.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var arguments = new Arguments(args);
            var settings = OmtankeSettings.FromEnvironment(Directory.GetCurrentDirectory());
            return arguments.Command switch
            {
                "import" => await ImportCommand.RunAsync(arguments, settings, stdout),
                "values" => await ValuesCommand.RunAsync(arguments, settings, stdout),
                "recompute" => await RecomputeCommand.RunAsync(arguments, settings, stdout),
                "audit" => await AuditCommand.RunAsync(arguments, settings, stdout),
                "demo" => await DemoCommand.RunAsync(arguments, settings, stdout),
                "samples" => await SamplesCommand.RunAsync(arguments, stdout),
                "db" => await DbCommand.RunAsync(arguments, settings, stdout),
                "targets" => await TargetsCommand.RunAsync(arguments, settings, stdout),
                "report" => await ReportCommand.RunAsync(arguments, settings, stdout, stderr),
                "approve" => await ApproveCommand.RunAsync(arguments, settings, stdout),
                "revisions" => await RevisionsCommand.RunAsync(arguments, settings, stdout),
                "comment" => await CommentCommand.RunAsync(arguments, settings, stdout),
                "meeting-pack" => await MeetingPackCommand.RunAsync(arguments, settings, stdout),
                "extract" => await ExtractCommand.RunAsync(arguments, settings, stdout),
                "spc" => await SpcCommand.RunAsync(arguments, settings, stdout),
                "serve" => await ServeAsync(args),
                "help" or "--help" or "-h" => Help(stdout),
                null => throw new UsageException("Ange ett kommando."),
                var other => throw new UsageException($"Okänt kommando '{other}'."),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"Fel: {e.Message}\n\n{Usage}");
            return UsageOrFailure;
        }
        catch (Exception e) when (e is ImportSetupException or ImportAbortedException)
        {
            await stderr.WriteLineAsync($"Fel: {e.Message}");
            return UsageOrFailure;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"Fel: {e.Message}\nKontrollera databasen (OMTANKE_DB eller .omtanke/) och filerna, och försök igen.");
            return UsageOrFailure;
        }
        catch (Exception e)
        {
            // CLI.md: any failure exits 2 with a message; the details help whoever reports the fault.
            await stderr.WriteLineAsync($"Oväntat fel: {e.Message}\nFörsök igen; om felet består, rapportera det med detaljerna nedan.\n{e}");
            return UsageOrFailure;
        }
    }

    /// <summary>Runs until stopped; the web host reads its own options (OMTANKE_DB, Omtanke__Inbox, --urls …).</summary>
    private static async Task<int> ServeAsync(string[] args)
    {
        CheckUrls(args);
        await Omtanke.Web.Hosting.OmtankeWebHost.RunAsync(args[1..]);
        return Ok;
    }

    /// <summary>
    /// The addresses of <c>--urls</c>, checked as Kestrel will read them (<c>http://*:8080;https://host</c>) before the
    /// host starts, where a malformed one fails deep in the server's start-up.
    /// </summary>
    private static void CheckUrls(string[] args)
    {
        var at = Array.IndexOf(args, "--urls");
        if (at < 0) return;
        if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException("--urls behöver ett värde, till exempel http://0.0.0.0:8080.");
        foreach (var url in args[at + 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (Microsoft.AspNetCore.Http.BindingAddress.Parse(url).Scheme is "http" or "https") continue;
            }
            catch (FormatException) { }
            throw new UsageException($"--urls ska vara adresser som http://0.0.0.0:8080 (flera åtskilda med ;), inte '{url}'.");
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Ok;
    }
}

public sealed class UsageException(string message) : Exception(message);
