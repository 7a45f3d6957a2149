using System.Globalization;
using System.Runtime.Intrinsics.X86;

namespace Omtanke.Core.Import;

/// <summary>
/// The lines of a file whose key, for some key that must be unique in the file, may have occurred on an earlier
/// line. A Bloom filter over the keys seen so far never misses a repeat and is wrong for a small share of other
/// rows, so the exact check in SQL only needs to look at the keys of these lines instead of sorting every row of
/// a large file. Its size follows the file's, within a fixed ceiling, so memory stays bounded. The filter is
/// blocked: a key's bits all lie in one 512-bit block, so a row costs one cache miss rather than one per bit, and
/// rows are added a batch at a time with every block fetched ahead, so the misses of a batch overlap: one at a
/// time, a 32 MB filter stalled the reading thread 0.45 µs a row, more than reading and parsing the row.
/// </summary>
public sealed class DuplicateCandidates
{
    /// <summary>Above this many candidate lines the exact check reads every row instead.</summary>
    public const int MaxLines = 1_000_000;
    private const int Hashes = 8;
    private const int BlockWords = 8;
    private const long MinBlocks = 1L << 7;
    private const long MaxBlocks = 1L << 19;

    private readonly int[][] _keyColumns;
    private readonly ulong[][] _seen;

    public DuplicateCandidates(SourceDefinition source, long fileBytes)
    {
        _keyColumns = source.UniqueKeys.Select(key => key.Select(source.IndexOf).ToArray()).ToArray();
        // About four bits per byte of file, i.e. 100+ bits per row, up to 32 MB per key: few false candidates.
        var blocks = (int)Math.Clamp(fileBytes * 4 / (BlockWords * 64), MinBlocks, MaxBlocks);
        _seen = _keyColumns.Select(_ => new ulong[blocks * BlockWords]).ToArray();
        Keys = _keyColumns.Select(key => key.Select(_ => new List<object>()).ToArray()).ToArray();
    }

    public List<int> Lines { get; } = [];

    /// <summary>Every candidate is in <see cref="Lines"/>; false when there were too many to list.</summary>
    public bool Complete => Lines.Count <= MaxLines;

    /// <summary>
    /// For each unique key, its columns' values on the candidate lines: the exact check looks these keys up among the
    /// file's rows, in one pass over them, instead of joining the rows to themselves.
    /// </summary>
    public List<object>[][] Keys { get; }

    private ulong[] _hashes = [];
    private bool[] _candidate = [];

    /// <summary>Adds the batch's rows in order: a key repeated within the batch is a candidate too.</summary>
    public void Add(RowBatch batch)
    {
        if (_hashes.Length < batch.Count) (_hashes, _candidate) = (new ulong[batch.Values.Length], new bool[batch.Values.Length]);
        Array.Clear(_candidate, 0, batch.Count);
        for (var k = 0; k < _keyColumns.Length; k++)
        {
            var seen = _seen[k];
            for (var i = 0; i < batch.Count; i++)
            {
                _hashes[i] = KeyHash(batch.Values[i], _keyColumns[k]);
                Prefetch(seen, Block(seen, _hashes[i]));
            }
            for (var i = 0; i < batch.Count; i++)
                _candidate[i] |= TestAndSet(seen, _hashes[i]);
        }
        for (var i = 0; i < batch.Count; i++)
            if (_candidate[i] && Lines.Count <= MaxLines) AddCandidate(batch.Lines[i], batch.Values[i]);
    }

    private void AddCandidate(int line, RowValues values)
    {
        Lines.Add(line);
        for (var k = 0; k < _keyColumns.Length; k++)
            for (var c = 0; c < _keyColumns[k].Length; c++)
                Keys[k][c].Add(values[_keyColumns[k][c]]!);
    }

    private static int Block(ulong[] seen, ulong hash) => (int)((uint)hash % (uint)(seen.Length / BlockWords)) * BlockWords;

    private static unsafe void Prefetch(ulong[] seen, int block)
    {
        if (!Sse.IsSupported) return;
        fixed (ulong* word = &seen[block]) Sse.Prefetch0(word);
    }

    private static bool TestAndSet(ulong[] seen, ulong hash)
    {
        var block = Block(seen, hash);
        var bits = (uint)(hash >> 32);
        var all = true;
        for (var i = 0; i < Hashes; i++)
        {
            // Nine bits of the hash's upper half, moved on by a multiplier, pick one of the block's 512 bits.
            bits = bits * 0x9E3779B1u + 0x7F4A7C15u;
            var bit = bits >> 23;
            ref var word = ref seen[block + (int)(bit >> 6)];
            var mask = 1UL << (int)(bit & 63);
            all &= (word & mask) != 0;
            word |= mask;
        }
        return all;
    }

    /// <summary>64-bit FNV-1a of the key's values as text, separated by a character no value holds.</summary>
    private static ulong KeyHash(RowValues values, int[] columns)
    {
        var hash = 14695981039346656037UL;
        foreach (var column in columns)
        {
            foreach (var c in KeyText(values[column]))
                hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ '\u001F') * 1099511628211UL;
        }
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
