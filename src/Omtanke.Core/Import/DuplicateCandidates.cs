using System.Collections;
using System.Globalization;
using System.Text;

namespace Omtanke.Core.Import;

/// <summary>
/// The lines of a file whose key, for some key that must be unique in the file, may have occurred on an earlier
/// line. A Bloom filter over the keys seen so far never misses a repeat and is wrong for a small share of other
/// rows, so the exact check in SQL only needs to look at the keys of these lines instead of sorting every row of
/// a large file. Its size follows the file's, within a fixed ceiling, so memory stays bounded.
/// </summary>
public sealed class DuplicateCandidates
{
    /// <summary>Above this many candidate lines the exact check reads every row instead.</summary>
    public const int MaxLines = 1_000_000;
    private const int Hashes = 7;
    private const long MinBits = 1L << 16;
    private const long MaxBits = 1L << 28;

    private readonly int[][] _keyColumns;
    private readonly BitArray[] _seen;
    private readonly StringBuilder _key = new();

    public DuplicateCandidates(SourceDefinition source, long fileBytes)
    {
        _keyColumns = source.UniqueKeys.Select(key => key.Select(source.IndexOf).ToArray()).ToArray();
        // About four bits per byte of file, i.e. 100+ bits per row: few false candidates with seven hashes.
        var bits = (int)Math.Clamp(fileBytes * 4, MinBits, MaxBits);
        _seen = _keyColumns.Select(_ => new BitArray(bits)).ToArray();
    }

    public List<int> Lines { get; } = [];

    /// <summary>Every candidate is in <see cref="Lines"/>; false when there were too many to list.</summary>
    public bool Complete => Lines.Count <= MaxLines;

    public void Add(RowValues values, int line)
    {
        var candidate = false;
        for (var k = 0; k < _keyColumns.Length; k++)
            candidate |= TestAndSet(_seen[k], KeyHash(values, _keyColumns[k]));
        if (candidate && Lines.Count <= MaxLines) Lines.Add(line);
    }

    private static bool TestAndSet(BitArray seen, ulong hash)
    {
        var (h1, h2) = ((uint)hash, (uint)(hash >> 32) | 1);
        var all = true;
        for (var i = 0u; i < Hashes; i++)
        {
            var bit = (int)((h1 + i * h2) % (uint)seen.Length);
            all &= seen[bit];
            seen[bit] = true;
        }
        return all;
    }

    /// <summary>64-bit FNV-1a of the key's values as text, separated by a character no value holds.</summary>
    private ulong KeyHash(RowValues values, int[] columns)
    {
        _key.Clear();
        foreach (var column in columns)
            _key.Append(KeyText(values[column])).Append('\u001F');
        var hash = 14695981039346656037UL;
        foreach (var chunk in _key.GetChunks())
            foreach (var c in chunk.Span)
                hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    /// <summary>Equal values in PostgreSQL give equal text: 1.0 and 1.00 are the same number.</summary>
    private static string KeyText(object? value) => value switch
    {
        null => "",
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        _ => ColumnType.CellText(value),
    };
}
