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

    public PatientIdHasher(byte[] key)
    {
        _key = key.Length >= 16 ? key : throw new ArgumentException("Nyckeln för patientidentiteter måste vara minst 16 byte.");
        _hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(_key));
    }

    public byte[]? Hash(string raw)
    {
        Span<char> kept = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        foreach (var c in raw)
            if (char.IsLetterOrDigit(c)) kept[length++] = c;
        if (length == 0) return null;
        Span<byte> utf8 = length <= 64 ? stackalloc byte[length * 3] : new byte[length * 3];
        var bytes = Encoding.UTF8.GetBytes(kept[..length], utf8);
        var hash = new byte[HMACSHA256.HashSizeInBytes];
        _hmac.Value!.TryComputeHash(utf8[..bytes], hash, out _);
        return hash;
    }

    /// <summary>Identifies the key without revealing it, so a database can refuse a different key.</summary>
    public string Fingerprint => Convert.ToHexString(HMACSHA256.HashData(_key, "omtanke-fingerprint"u8))[..16];
}

public sealed record ImportContext(PatientIdHasher PatientIds);
