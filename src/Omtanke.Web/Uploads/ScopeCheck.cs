using Omtanke.Core.Import;
using Omtanke.Core.Sources;

namespace Omtanke.Web.Uploads;

/// <summary>
/// Refuses, before any job, a municipality's upload of a source that only the region delivers: the source the
/// user named, or else the one the import would recognise from the file's header. A file whose header cannot
/// be read or recognised goes on to its job, whose error report says what is wrong with it; the import applies
/// the same scope again.
/// </summary>
public static class ScopeCheck
{
    public static string? Refusal(string path, string? sourceId, ImportScope scope)
    {
        if (scope.Kommunkod is null) return null;
        if (sourceId is not null && SourceCatalog.Find(sourceId) is { } named) return scope.SourceRefusal(named);
        try
        {
            using var reader = TableReader.Open(path, FileFingerprint.Of(path));
            return HeaderMatch.Of(reader.Header, null).Source is { } recognised ? scope.SourceRefusal(recognised) : null;
        }
        catch (UnreadableFileException)
        {
            return null;
        }
    }
}
