using Omtanke.Core.Meetings;

namespace Omtanke.Web.Meetings;

/// <summary>A revision in one line for a page: "2024-03: 14,2857 → 12,5 (fil.csv)", values as published.</summary>
public static class RevisionText
{
    public static string Of(Revision r) =>
        $"{r.Period}: {Value(r.Presented)} → {Value(r.Current)}" + (r.Causes.Count > 0 ? $" ({string.Join(", ", r.Causes)})" : "");

    private static string Value(MeetingValue v) => v.Text is { Length: > 0 } text ? text : "inget värde";
}
