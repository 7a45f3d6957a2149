using Omtanke.Core.Import;
using Omtanke.Core.Sources;

namespace Omtanke.Web.Uploads;

/// <summary>
/// Refuses, before any job, a municipality's upload of a source that only the region delivers, when the user named
/// that source. A source recognised from the file's header is the import job's to judge (the Importer applies the
/// same scope): recognising it means reading into the file, and a request thread must not do unbounded work on
/// whatever was uploaded, such as a workbook with one cell of hundreds of megabytes.
/// </summary>
public static class ScopeCheck
{
    public static string? Refusal(string? sourceId, ImportScope scope) =>
        sourceId is not null && SourceCatalog.Find(sourceId) is { } named ? scope.SourceRefusal(named) : null;
}
