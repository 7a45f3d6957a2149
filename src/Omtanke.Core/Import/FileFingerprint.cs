using System.Security.Cryptography;
using System.Text;

namespace Omtanke.Core.Import;

/// <summary>What a file holds, judged by content; <see cref="Binary"/> is neither text nor a workbook.</summary>
public enum FileKind { Text, Xlsx, Xls, Binary }

/// <summary>
/// One streaming pass over a file: its SHA-256, its kind judged by content (not by name), and for a
/// text file its encoding — UTF-8 when every byte sequence is valid UTF-8, else Windows-1252, which
/// is what Swedish Excel writes. A valid UTF-8 file of å ä ö is practically never valid in the other
/// reading, so the test does not guess wrong on Swedish letters. A file that is neither is
/// <see cref="MixedEncoding"/>: read as Windows-1252, its UTF-8 "å" would become "Ã¥".
/// </summary>
public sealed record FileFingerprint(string Sha256, long Size, FileKind Kind, Encoding Encoding)
{
    /// <summary>
    /// Not valid UTF-8, yet holding a UTF-8 letter (a lead byte and its continuation bytes), or a byte that
    /// Windows-1252 leaves undefined: valid in no encoding a file may have.
    /// </summary>
    public bool MixedEncoding { get; init; }

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
        var utf8Letters = new Utf8Letters();
        long size = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (size == 0) head = buffer[..Math.Min(read, 8)];
            size += read;
            sha.AppendData(buffer, 0, read);
            // No CSV text in UTF-8 or Windows-1252 holds a NUL byte; binary files (images, PDFs, UTF-16) do.
            hasNul = hasNul || Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
            utf8Letters.Scan(buffer.AsSpan(0, read));
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
            validUtf8 ? new UTF8Encoding(false) : Windows1252)
        {
            MixedEncoding = kind == FileKind.Text && !validUtf8 && (utf8Letters.Found || utf8Letters.UndefinedIn1252),
        };
    }

    /// <summary>
    /// Looks, in a file's bytes, for a UTF-8 encoded non-ASCII character (which in Windows-1252 reads as two or three
    /// unlikely characters, such as "Ã¥") and for the five bytes Windows-1252 does not define. A sequence split
    /// between two buffers is seen from its lead byte on, which is kept for the next buffer.
    /// </summary>
    private sealed class Utf8Letters
    {
        private readonly byte[] _carry = new byte[4];
        private int _carried;

        public bool Found { get; private set; }
        public bool UndefinedIn1252 { get; private set; }

        public void Scan(ReadOnlySpan<byte> bytes)
        {
            if (_carried > 0)
            {
                var joined = new byte[_carried + Math.Min(bytes.Length, 3)];
                _carry.AsSpan(0, _carried).CopyTo(joined);
                bytes[..(joined.Length - _carried)].CopyTo(joined.AsSpan(_carried));
                _carried = 0;
                if (SequenceLength(joined, 0) > 0) Found = true;
            }
            var i = 0;
            while (!(Found && UndefinedIn1252) && (i = NextNonAscii(bytes, i)) >= 0)
            {
                var b = bytes[i];
                UndefinedIn1252 |= b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D;
                var length = SequenceLength(bytes, i);
                if (length > 0) Found = true;
                else if (length < 0)
                {
                    _carried = bytes.Length - i;
                    bytes[i..].CopyTo(_carry);
                    return;
                }
                i += Math.Max(length, 1);
            }
        }

        private static int NextNonAscii(ReadOnlySpan<byte> bytes, int from)
        {
            if (from >= bytes.Length) return -1;
            var at = bytes[from..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            return at < 0 ? -1 : from + at;
        }

        /// <summary>The length of the valid UTF-8 sequence at <paramref name="i"/>; 0 when there is none, -1 when the bytes end inside one.</summary>
        private static int SequenceLength(ReadOnlySpan<byte> bytes, int i)
        {
            var length = bytes[i] switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0) return 0;
            for (var k = 1; k < length; k++)
            {
                if (i + k >= bytes.Length) return -1;
                if (bytes[i + k] is < 0x80 or > 0xBF) return 0;
            }
            return length;
        }
    }
}
