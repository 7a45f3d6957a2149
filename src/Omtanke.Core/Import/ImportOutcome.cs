using System.Globalization;
using System.Text;

namespace Omtanke.Core.Import;

public enum ImportStatus { Accepted, Unchanged, Rejected }

/// <summary>One error of a refused file: where it is (line, column), the value and the reason, in Swedish.</summary>
public sealed partial record ImportError(int? Line, string? Column, string? Value, string Reason)
{
    /// <summary>
    /// The value as an error report may show and keep it: a value that looks like a personnummer (a column
    /// shifted into the wrong place) is masked, since error reports are stored and shown to other users.
    /// </summary>
    public static string Shown(string value) =>
        PersonnummerLike().IsMatch(value) ? value[..Math.Min(4, value.Length)] + "…(dold personidentitet)" : value;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d{2})?\d{6}[-+]?\d{4}\s*$")]
    private static partial System.Text.RegularExpressions.Regex PersonnummerLike();

    public override string ToString()
    {
        var where = new List<string>();
        if (Line is { } l) where.Add($"rad {l}");
        if (Column is not null) where.Add($"kolumn {Column}");
        if (Value is not null) where.Add($"värde \"{Value}\"");
        return where.Count == 0 ? Reason : $"{string.Join(", ", where)}: {Reason}";
    }
}

public sealed record ImportOutcome
{
    public required string FileName { get; init; }
    public required ImportStatus Status { get; init; }
    public string? SourceId { get; init; }
    public long? DeliveryId { get; init; }
    public int Rows { get; init; }
    public int SlicesCovered { get; init; }
    public int SlicesSuperseded { get; init; }
    public int OutOfCounty { get; init; }
    public int ErrorCount { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public bool DryRun { get; init; }
    public long? SameAsDelivery { get; init; }
    public DateTimeOffset? SameImportedAt { get; init; }

    /// <summary>The one-line summary of CLI.md, followed by error and warning lines.</summary>
    public string Summary()
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var sb = new StringBuilder();
        var source = SourceId is null ? "" : $" ({SourceId})";
        switch (Status)
        {
            case ImportStatus.Accepted:
                sb.Append($"{FileName}: {(DryRun ? "godkänd vid provkörning, inget sparat" : "importerad")}{source}: " +
                          $"{Rows.ToString("N0", sv)} {(Rows == 1 ? "rad" : "rader")}, " +
                          $"{SlicesCovered} {(SlicesCovered == 1 ? "del" : "delar")} (månad × kommun), " +
                          $"{SlicesSuperseded} ersatta, {OutOfCounty.ToString("N0", sv)} utomläns");
                break;
            case ImportStatus.Unchanged:
                sb.Append($"{FileName}: oförändrad{source}: samma fil importerades redan som leverans {SameAsDelivery}" +
                          (SameImportedAt is { } at ? $" ({at.ToLocalTime():yyyy-MM-dd HH:mm})" : ""));
                break;
            default:
                sb.Append($"{FileName}: avvisad{source}: {ErrorCount.ToString("N0", sv)} fel, inget importerades");
                foreach (var e in Errors) sb.Append("\n  ").Append(e);
                if (ErrorCount > Errors.Count) sb.Append($"\n  … och {ErrorCount - Errors.Count} fel till.");
                if (ErrorCount > 0) sb.Append("\n  Rätta felen i filen och importera den igen.");
                break;
        }
        foreach (var w in Warnings) sb.Append("\n  varning: ").Append(w);
        return sb.ToString();
    }
}
