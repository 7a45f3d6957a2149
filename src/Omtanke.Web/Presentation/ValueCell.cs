using Omtanke.Core.Indicators;
using Omtanke.Core.Reporting.Spc;
using Omtanke.Core.Targets;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Presentation;

/// <summary>One cell of a value table as a viewer may see it, with its target verdict, status and SPC signals.</summary>
public sealed record ValueCell(ShownValue Shown, bool Preliminary, bool? MeetsTarget, string? Numbers)
{
    /// <summary>How the cell's month is judged on its control chart, where a page judges it.</summary>
    public SpcVerdict? Spc { get; init; }

    /// <summary>"2024-03: 14,29 → 12,5": the values of the cell's indicator and area a meeting saw otherwise, where a page shows them.</summary>
    public IReadOnlyList<string> Revised { get; init; } = [];

    public string CssClass => string.Join(' ', new[]
    {
        "num",
        Preliminary ? "prel" : null,
        MeetsTarget switch { true => "mal-ok", false => "mal-ej", null => null },
    }.Where(c => c is not null));

    public string Title =>
        string.Join(" · ", new[]
        {
            Numbers,
            Preliminary ? "preliminärt" : null,
            MeetsTarget switch { true => "når målet", false => "når inte målet", null => null },
            Spc is { } spc && (spc.Reasons.Count > 0 || !spc.Judged) ? "SPC: " + spc.Text : null,
            Revised.Count > 0 ? "ändrat sedan mötet: " + string.Join("; ", Revised) : null,
        }.Where(t => t is not null));

    public static ValueCell Of(IndicatorValue v, IndicatorDefinition indicator, Viewer viewer, DisclosureSettings disclosure,
        Target? target)
    {
        var shown = ShownValue.Of(v, indicator, viewer, disclosure);
        bool? meets = shown.Number is { } n && target is not null ? target.IsMetBy(n) : null;
        var numbers = shown.IsHidden || indicator.Kind == IndicatorKind.Count || v.Numerator is null
            ? null
            : $"{ValuesCsv.Number(v.Numerator)} / {ValuesCsv.Number(v.Denominator)}";
        return new ValueCell(shown, v.Preliminary, meets, numbers);
    }
}
