using Omtanke.Core.Targets;

namespace Omtanke.Core.Reporting.Spc;

/// <summary>
/// The assurance question of NHS "Making Data Count": can the process, as it runs, meet its target?
/// Not when the target lies beyond the latest limits on the wrong side: then even the months the
/// process produces at its best miss it, and only a change of the process, not waiting, will help.
/// </summary>
public static class TargetAssurance
{
    public const string CannotBeReachedText = "Målet nås inte av processen som den går nu";

    public static bool CannotBeReached(Target? target, SpcResult result) =>
        target?.Value is { } value && result.LatestLimits is { } limits &&
        (target.Direction == TargetDirection.AtLeast ? (double)value > limits.Upper : (double)value < limits.Lower);
}
