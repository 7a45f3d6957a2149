using System.Security.Cryptography;
using System.Text;

namespace Omtanke.Core.Import;

/// <summary>What a file holds, judged by content; <see cref="Binary"/> is neither text nor a workbook.</summary>
public enum FileKind { Text, Xlsx, Xls, Binary }

/// <summary>
/// One streaming pass over a file: its SHA-256, its kind judged by content (not by name), and for a
/// text file its encoding — UTF-8 when every byte sequence is valid UTF-8, else Windows-1252, which
/// is what Swedish Excel writes. A valid UTF-8 file of å ä ö is practically never valid in the other
/// reading, so the test does not guess wrong on Swedish letters.
/// </summary>
public sealed record FileFingerprint(string Sha256, long Size, FileKind Kind, Encoding Encoding)
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    static FileFingerprint() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static FileFingerprint Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 20];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var head = Array.Empty<byte>();
        var validUtf8 = true;
        var hasNul = false;
        long size = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (size == 0) head = buffer[..Math.Min(read, 8)];
            size += read;
            sha.AppendData(buffer, 0, read);
            // No CSV text in UTF-8 or Windows-1252 holds a NUL byte; binary files (images, PDFs, UTF-16) do.
            hasNul = hasNul || Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
            if (!validUtf8) continue;
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                validUtf8 = false;
            }
        }
        if (validUtf8)
        {
            try { decoder.GetChars([], 0, 0, chars, 0, flush: true); }
            catch (DecoderFallbackException) { validUtf8 = false; }
        }
        var kind = head.AsSpan().StartsWith(ZipMagic) ? FileKind.Xlsx
            : head.AsSpan().StartsWith(OleMagic) ? FileKind.Xls
            : hasNul ? FileKind.Binary
            : FileKind.Text;
        return new FileFingerprint(Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant(), size, kind,
            validUtf8 ? new UTF8Encoding(false) : Windows1252);
    }
}
