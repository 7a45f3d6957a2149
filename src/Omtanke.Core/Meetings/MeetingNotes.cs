using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting;

namespace Omtanke.Core.Meetings;

/// <summary>
/// What the monthly report of a month shows of the meetings: the revisions since the previous meeting
/// (none without an approval of an earlier month), and the comments and actions on values up to the month.
/// </summary>
public sealed class MeetingNotes(SnapshotInfo? previousMeeting, IReadOnlyList<Revision> revisions, IReadOnlyList<Comment> comments)
{
    public SnapshotInfo? PreviousMeeting => previousMeeting;
    public IReadOnlyList<Revision> Revisions => revisions;

    /// <summary>Every action written up to the month: there is no closing an action yet, so each stays on the list.</summary>
    public IReadOnlyList<Comment> Actions { get; } = comments.Where(c => c.Kind == CommentKind.Action).ToList();

    public static async Task<MeetingNotes> LoadAsync(NpgsqlDataSource db, DisclosureSettings disclosure, DateOnly month,
        CancellationToken ct = default)
    {
        var previous = await Snapshots.PreviousMeetingAsync(db, month, ct);
        var revisions = previous is null ? []
            : await Meetings.Revisions.ReadAsync(db, disclosure, MeetingSettings.FromEnvironment(), previous.Month, ct);
        return new MeetingNotes(previous, revisions, await Comments.ListAsync(db, through: month, ct: ct));
    }

    public bool IsRevised(string indicator, string area, string period) =>
        revisions.Any(r => r.Indicator == indicator && r.Area == area && r.Period == period);

    /// <summary>"2024-05: text" for each comment on the value of one of the periods, oldest first; actions with owner and follow-up.</summary>
    public string Text(IndicatorDefinition indicator, string area, IReadOnlyCollection<DateOnly> periods) =>
        string.Join("\n", comments
            .Where(c => c.Indicator == indicator.Id && c.Area == area && periods.Contains(c.Period))
            .OrderBy(c => c.Period).ThenBy(c => c.Id)
            .Select(Line));

    public static string Line(Comment c) => $"{Periods.Label(c.Period)}: {c.Text}" +
        (c.Kind == CommentKind.Action ? $" (åtgärd: {c.Owner}, följs upp {Periods.Label(c.FollowUp!.Value)})" : "");
}
