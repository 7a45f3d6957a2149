using System.Globalization;

namespace Omtanke.Core.Meetings;

/// <summary>
/// What the meeting's group may tune: how large a revision must be to count as material. A verdict that
/// changes, or a value that appears, disappears or becomes hidden, is material whatever this share.
/// </summary>
public sealed record MeetingSettings(decimal MaterialShare)
{
    public const string MaterialShareVariable = "OMTANKE_MATERIAL_SHARE";

    /// <summary>5 %: a change the group would notice in a value shown with one or two decimals.</summary>
    public static MeetingSettings Default { get; } = new(0.05m);

    public static MeetingSettings FromEnvironment() =>
        decimal.TryParse(Environment.GetEnvironmentVariable(MaterialShareVariable), NumberStyles.Number,
            CultureInfo.InvariantCulture, out var share) && share >= 0
            ? new MeetingSettings(share)
            : Default;
}
