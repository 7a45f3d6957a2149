using System.Security.Cryptography;
using System.Text;

namespace Omtanke.Core.Import;

/// <summary>
/// Turns a personnummer or pseudonym into a keyed hash (HMAC-SHA-256) of its letters and digits, so the
/// same person gets the same hash in every file while the raw value never reaches the database.
/// </summary>
public sealed class PatientIdHasher
{
    private readonly byte[] _key;
    /// <summary>
    /// One keyed instance per thread: the one-shot HashData sets the key up again for every call, which
    /// costs more than the rest of a row's import.
    /// </summary>
    private readonly ThreadLocal<HMACSHA256> _hmac;
    /// <summary>The same HMAC for ids of up to one block, four times faster; null where libcrypto is not there.</summary>
    private readonly Sha256Midstates? _midstates;

    public PatientIdHasher(byte[] key)
    {
        _key = key.Length >= 16 ? key : throw new ArgumentException("Nyckeln för patientidentiteter måste vara minst 16 byte.");
        _hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(_key));
        _midstates = Sha256Midstates.TryCreate(_key);
    }

    /// <summary>Whether short ids are hashed from the key's precomputed SHA-256 states (see <see cref="Sha256Midstates"/>).</summary>
    internal bool UsesMidstates => _midstates is not null;

    public const int HashBytes = HMACSHA256.HashSizeInBytes;

    /// <summary>Writes the identity's keyed hash into <paramref name="destination"/> (<see cref="HashBytes"/> long).</summary>
    public void Hash(PatientId id, Span<byte> destination)
    {
        var text = id.LettersAndDigits;
        Span<byte> utf8 = text.Length <= 64 ? stackalloc byte[text.Length * 3] : new byte[text.Length * 3];
        var bytes = Encoding.UTF8.GetBytes(text, utf8);
        if (_midstates is not null && bytes <= Sha256Midstates.MaxMessageBytes) _midstates.Hash(utf8[..bytes], destination);
        else _hmac.Value!.TryComputeHash(utf8[..bytes], destination, out _);
    }

    /// <summary>Identifies the key without revealing it, so a database can refuse a different key.</summary>
    public string Fingerprint => Convert.ToHexString(HMACSHA256.HashData(_key, "omtanke-fingerprint"u8))[..16];
}

public sealed record ImportContext(PatientIdHasher PatientIds);

/// <summary>
/// A patient identity as read from a file, kept to its letters and digits (so 19400101-1234 and 194001011234 are
/// one person). It is hashed only as it is written to the database, on the thread that writes, and never shown.
/// </summary>
public sealed record PatientId
{
    private PatientId(string lettersAndDigits) => LettersAndDigits = lettersAndDigits;

    public string LettersAndDigits { get; }

    /// <summary>The identity in a cell, or null when the cell has no letters or digits.</summary>
    public static PatientId? Of(ReadOnlySpan<char> raw)
    {
        var buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var kept = 0;
        foreach (var c in raw)
            if (char.IsLetterOrDigit(c)) buffer[kept++] = c;
        return kept == 0 ? null : new PatientId(new string(buffer[..kept]));
    }

    public override string ToString() => "(patientidentitet)";
}
