using System.Text;

namespace Omtanke.Tests;

/// <summary>A folder of its own under the temp directory for one test's files, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public static readonly Encoding Utf8 = new UTF8Encoding(false);
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(true);

    static TempFolder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public TempFolder(string prefix = "omtanke-test")
    {
        // Created with the ordinary umask (not 0700) so that the postgres user can reach an embedded cluster in it.
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes text exactly as given (line endings included) in the encoding, with its BOM if it has one.</summary>
    public string WriteText(string name, string content, Encoding? encoding = null)
    {
        encoding ??= Utf8;
        var path = File(name);
        System.IO.File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}
