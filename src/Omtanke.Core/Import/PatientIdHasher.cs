using System.Security.Cryptography;
using System.Text;

namespace Omtanke.Core.Import;

/// <summary>
/// Turns a personnummer or pseudonym into a keyed hash (HMAC-SHA-256) of its letters and digits, so the
/// same person gets the same hash in every file while the raw value never reaches the database.
/// </summary>
public sealed class PatientIdHasher(byte[] key)
{
    private readonly byte[] _key = key.Length >= 16 ? key
        : throw new ArgumentException("Nyckeln för patientidentiteter måste vara minst 16 byte.");

    public byte[]? Hash(string raw)
    {
        var kept = new StringBuilder(raw.Length);
        foreach (var c in raw)
            if (char.IsLetterOrDigit(c)) kept.Append(c);
        return kept.Length == 0 ? null : HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(kept.ToString()));
    }

    /// <summary>Identifies the key without revealing it, so a database can refuse a different key.</summary>
    public string Fingerprint => Convert.ToHexString(HMACSHA256.HashData(_key, "omtanke-fingerprint"u8))[..16];
}

public sealed record ImportContext(PatientIdHasher PatientIds);
