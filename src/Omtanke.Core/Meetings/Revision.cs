using Omtanke.Core.Indicators;

namespace Omtanke.Core.Meetings;

/// <summary>
/// A presented value that differs now: as the snapshot showed it, as it is, the deliveries imported
/// since that changed it (their files, oldest first), and whether the change is material.
/// </summary>
public sealed record Revision(MeetingValue Presented, MeetingValue Current, long SnapshotId, IReadOnlyList<string> Causes,
    bool Material)
{
    public string Indicator => Presented.Indicator;
    public string Area => Presented.Area;
    public string Period => Presented.Period;

    /// <summary>Whether a value differs from its presented form in what the group saw: value, status or a verdict.</summary>
    public static bool Differs(MeetingValue presented, MeetingValue current) =>
        presented.Text != current.Text || presented.Status != current.Status
        || presented.Target != current.Target || presented.Signal != current.Signal;

    /// <summary>A changed verdict, a value that appeared, vanished or was hidden or shown, or a move beyond the share.</summary>
    public static bool IsMaterial(MeetingValue presented, MeetingValue current, MeetingSettings settings) =>
        presented.Target != current.Target || presented.Signal != current.Signal
        || presented.Shown.IsHidden != current.Shown.IsHidden || presented.Shown.IsMissing != current.Shown.IsMissing
        || (presented.Shown.Number is { } before && current.Shown.Number is { } after
            && Math.Abs(after - before) > settings.MaterialShare * Math.Abs(before));
}

/// <summary>The <c>revisions</c> CSV of CLI.md, sorted like <c>values</c>.</summary>
public static class RevisionsCsv
{
    public const string Header = "indicator;area;period;presented;current;presented_status;current_status;snapshot;cause;material";

    public static string Line(Revision r) => string.Join(';', r.Indicator, r.Area, r.Period, r.Presented.Text, r.Current.Text,
        r.Presented.Status ?? "", r.Current.Status ?? "", r.SnapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Csv.Field(string.Join(',', r.Causes)), r.Material ? "true" : "false");
}

/// <summary>A CSV field of free text (a file name, a comment): quoted where it holds the delimiter, a quote or a line break.</summary>
public static class Csv
{
    public static string Field(string text) =>
        text.IndexOfAny([';', '"', '\r', '\n']) < 0 ? text : '"' + text.Replace("\"", "\"\"") + '"';
}
