using Omtanke.Cli;
using Omtanke.Core.Storage;

namespace Omtanke.Tests.Meetings;

/// <summary>The <c>comment add</c> and <c>comment list</c> rows of CLI.md.</summary>
[NonParallelizable]
public sealed class CommentCommandTests
{
    private InProcessCli _cli = null!;

    [SetUp]
    public async Task DatabaseAsync() => _cli = new InProcessCli(await TestPostgres.CreateDatabaseAsync());

    [TearDown]
    public void Restore() => _cli.Dispose();

    [Test]
    public async Task Comment_add_prints_the_id_and_comment_list_prints_the_CSV_with_free_text_quoted()
    {
        var first = await _cli.RunAsync("comment", "add", "--indicator", "uk_betalningsdagar", "--area", "1383", "--period", "2024-05",
            "--text", "Ny rutin; \"läkare\" saknades");
        var second = await _cli.RunAsync("comment", "add", "--indicator", "uk_betalningsdagar", "--area", "13", "--period", "2024-05",
            "--text", "=1+2", "--action", "--owner", "Anna Berg", "--follow-up", "2024-08");
        Assert.That(first.Code, Is.EqualTo(CommandLine.Ok), first.Error);
        Assert.That(second.Code, Is.EqualTo(CommandLine.Ok), second.Error);

        var (code, output, error) = await _cli.RunAsync("comment", "list", "--indicator", "uk_betalningsdagar");

        Assert.That(code, Is.EqualTo(CommandLine.Ok), error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("id;indicator;area;period;kind;text;owner;follow_up;author;created"));
        // Sorted by indicator, area (ordinal: "13" before "1383"), period.
        Assert.That(lines[1], Does.StartWith($"{second.Out.Trim()};uk_betalningsdagar;13;2024-05;action;=1+2;Anna Berg;2024-08;"));
        Assert.That(lines[2], Does.StartWith($"{first.Out.Trim()};uk_betalningsdagar;1383;2024-05;comment;\"Ny rutin; \"\"läkare\"\" saknades\";;;"));
        Assert.That(lines[2], Does.Match(@";\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
    }

    [Test]
    public async Task Comment_list_filters_by_area()
    {
        await _cli.RunAsync("comment", "add", "--indicator", "uk_betalningsdagar", "--area", "1383", "--period", "2024-05", "--text", "a");
        await _cli.RunAsync("comment", "add", "--indicator", "uk_betalningsdagar", "--area", "1380", "--period", "2024-05", "--text", "b");

        var (_, output, _) = await _cli.RunAsync("comment", "list", "--area", "1380");

        Assert.That(output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[2]),
            Is.EqualTo(new[] { "1380" }));
    }

    [TestCase("--action", "--owner", "Anna", TestName = "An action without a follow-up month is a usage error")]
    [TestCase("--owner", "Anna", "--follow-up", "2024-08", TestName = "An owner without --action is a usage error")]
    [TestCase("--action", "--follow-up", "2024-08", TestName = "An action without an owner is a usage error")]
    public async Task An_incomplete_action_is_refused_with_exit_2(params string[] extra)
    {
        var (code, output, error) = await _cli.RunAsync(["comment", "add", "--indicator", "uk_betalningsdagar", "--area", "1383",
            "--period", "2024-05", "--text", "x", .. extra]);

        Assert.That(code, Is.EqualTo(CommandLine.UsageOrFailure), output);
        Assert.That(error, Does.StartWith("Fel: "));
    }

    [TestCase("--area", "1280", TestName = "A comment on an area outside the report is a usage error")]
    [TestCase("--indicator", "okand", TestName = "A comment on an unknown indicator is a usage error")]
    public async Task A_comment_on_something_the_report_does_not_show_is_refused(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--indicator"] = "uk_betalningsdagar", ["--area"] = "1383", [option] = value };
        var (code, _, error) = await _cli.RunAsync(["comment", "add", "--indicator", args["--indicator"], "--area", args["--area"],
            "--period", "2024-05", "--text", "x"]);

        Assert.That(code, Is.EqualTo(CommandLine.UsageOrFailure));
        Assert.That(error, Does.Contain(value));
    }
}
