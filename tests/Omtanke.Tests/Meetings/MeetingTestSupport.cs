using Omtanke.Cli;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Storage;
using Omtanke.Tests.Reporting;

namespace Omtanke.Tests.Meetings;

/// <summary>What the meeting tests do with the report test data: approve a month, correct a slice, read the revisions.</summary>
public static class MeetingTestSupport
{
    public const string Varberg = "1383";
    public const string CorrectionFile = "utskrivningsklara-2024-02-varberg-rättelse.csv";
    public static readonly DateOnly February = new(2024, 2, 1);

    public static Task<long> ApproveAsync(this OmtankeService service, DateOnly month, string by = "testare") =>
        Snapshots.ApproveAsync(ReportTestData.Context(service) with { Actor = by }, month);

    public static Task CorrectVarbergFebruaryAsync(this OmtankeService service) =>
        ReportTestData.ImportCorrectionAsync(service, February, Varberg, CorrectionFile);

    public static Task<List<Revision>> RevisionsAsync(this OmtankeService service, DateOnly? month = null) =>
        Revisions.ReadAsync(service.Db, new DisclosureSettings(5), MeetingSettings.Default, month);
}

/// <summary>The command line in-process against one test database, as <see cref="ReportCommandTests"/> runs it.</summary>
public sealed class InProcessCli : IDisposable
{
    private readonly Dictionary<string, string?> _saved = [];

    public InProcessCli(string connectionString)
    {
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     [OmtankeSettings.ConnectionVariable] = connectionString,
                     [OmtankeSettings.PatientKeyVariable] = TestPostgres.PatientKey,
                 })
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}
