using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Reporting;

/// <summary>What every report needs besides its period: the database, the disclosure limit, and who asked for it.</summary>
public sealed record ReportContext(NpgsqlDataSource Db, DisclosureSettings Disclosure, string Actor)
{
    /// <summary>Every report produced is kept in the audit trail: who, when, what and which file (DESIGN: nothing is lost).</summary>
    public async Task AuditAsync(string action, string file, object details, CancellationToken ct)
    {
        await using var conn = await Db.OpenConnectionAsync(ct);
        await Audit.WriteAsync(conn, Actor, action, Path.GetFileName(file), details, ct);
    }
}
