using System.Globalization;
using Omtanke.Core.Import;

namespace Omtanke.Cli;

/// <summary>
/// The command, its options (<c>--name value…</c> or flags) and its positional arguments. An option may
/// take several values (<c>--indicator a b</c>) and may be repeated.
/// </summary>
public sealed class Arguments
{
    private static readonly HashSet<string> Flags = ["--dry-run", "--remove", "--action", "--as-presented"];
    /// <summary>Options that take several values; every other option takes one, so what follows it is positional.</summary>
    private static readonly HashSet<string> MultiValued = ["--indicator", "--area"];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Arguments(string[] args)
    {
        Command = args.Length > 0 ? args[0] : null;
        List<string>? current = null;
        var multiValued = false;
        foreach (var arg in args.Skip(1))
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!_options.TryGetValue(arg, out var values)) _options[arg] = values = [];
                current = Flags.Contains(arg) ? null : values;
                multiValued = MultiValued.Contains(arg);
            }
            else if (current is not null)
            {
                current.Add(arg);
                if (!multiValued) current = null;
            }
            else Positional.Add(arg);
        }
    }

    public string? Command { get; }
    public List<string> Positional { get; } = [];

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>The values of an option that takes several; given without any, it is refused rather than read as "all".</summary>
    public IReadOnlyList<string> Many(string name)
    {
        var values = Values(name);
        return values.Count == 0 && _options.ContainsKey(name)
            ? throw new UsageException($"{name} behöver minst ett värde.")
            : values;
    }

    private IReadOnlyList<string> Values(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var v) ? v : [];
    }

    public string? Optional(string name)
    {
        var values = Values(name);
        return values.Count switch
        {
            0 when _options.ContainsKey(name) => throw new UsageException($"{name} behöver ett värde."),
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"{name} tar ett värde, inte {values.Count}."),
        };
    }

    /// <summary>Refuses arguments that are not options, for commands that take none.</summary>
    public void RejectPositional()
    {
        if (Positional.Count > 0) throw new UsageException($"Oväntat argument: {string.Join(' ', Positional)}.");
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"{name} saknas.");

    /// <summary>A month within the plausible dates: no extract holds data outside them, and year 1 or 9999 overflows the date arithmetic.</summary>
    public DateOnly Month(string name)
    {
        var text = Required(name);
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            throw new UsageException($"{name} ska vara en månad ÅÅÅÅ-MM, inte '{text}'.");
        return PlausibleDates.Contains(month)
            ? month
            : throw new UsageException($"{name} ska vara en månad mellan {PlausibleDates.First.ToString("yyyy-MM", CultureInfo.InvariantCulture)} " +
                $"och {PlausibleDates.Last.ToString("yyyy-MM", CultureInfo.InvariantCulture)}, inte '{text}'.");
    }

    /// <summary>Refuses options the command does not know, so a typo is not silently ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Okänd flagga: {string.Join(", ", unknown)}.");
    }
}
