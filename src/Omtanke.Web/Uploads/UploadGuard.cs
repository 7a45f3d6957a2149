using System.IO.Compression;
using Omtanke.Web.Hosting;

namespace Omtanke.Web.Uploads;

/// <summary>
/// Checks a file before anything parses it: its size, its kind by content (not by name), and for an
/// .xlsx the zip's entry count and declared uncompressed size, so a zip bomb is refused unopened.
/// </summary>
public sealed class UploadGuard(WebOptions options)
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const int TextProbeBytes = 64 * 1024;
    private const long MaxCompressionRatio = 200;

    /// <summary>Why the file is refused, in Swedish; null when it may be imported.</summary>
    public string? Refusal(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > options.MaxUploadBytes)
            return $"Filen är för stor ({size / (1024 * 1024)} MB). Största tillåtna storlek är {options.MaxUploadBytes / (1024 * 1024)} MB.";
        var head = new byte[TextProbeBytes];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var probe = head.AsSpan(0, read);
        if (probe.StartsWith(ZipMagic)) return XlsxRefusal(path);
        if (probe.StartsWith(OleMagic)) return null;
        return probe.Contains((byte)0)
            ? "Filen är varken en textfil (CSV) eller en Excel-arbetsbok. Spara den som .csv eller .xlsx och försök igen."
            : null;
    }

    private string? XlsxRefusal(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > options.MaxXlsxEntries)
                return $"Excel-filen innehåller orimligt många delar ({zip.Entries.Count}) och öppnas inte.";
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > MaxCompressionRatio * Math.Max(entry.CompressedLength, 1024))
                    return "Excel-filen packas upp till orimligt mycket mer än sin storlek och öppnas inte.";
            }
            if (total > options.MaxXlsxUncompressedBytes)
                return $"Excel-filen blir {total / (1024 * 1024)} MB uppackad; gränsen är {options.MaxXlsxUncompressedBytes / (1024 * 1024)} MB.";
            return zip.GetEntry("xl/workbook.xml") is null
                ? "Filen är en zip-fil men ingen Excel-arbetsbok (.xlsx)."
                : null;
        }
        catch (InvalidDataException)
        {
            return "Excel-filen är skadad och kan inte läsas.";
        }
    }
}
