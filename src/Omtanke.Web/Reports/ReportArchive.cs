using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Reports;

public sealed record ArchivedReport(long Id, string Kind, string Period, string FileName, long SizeBytes,
    string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Every report the service produced, in the database with who made it and when.</summary>
public sealed class ReportArchive(NpgsqlDataSource db)
{
    /// <summary>Archives a file once per job: a retried job finds the files it archived already there.</summary>
    public async Task AddAsync(string kind, string period, RenderedReport report, string createdBy, string? jobId,
        CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await Sql.ExecAsync(conn, """
            INSERT INTO report_archive (kind, period, file_name, content_type, content, size_bytes, created_by, job_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (job_id, file_name) DO NOTHING
            """, ct, kind, period, report.FileName, report.ContentType, report.Content, (long)report.Content.Length,
            createdBy, jobId);
    }

    public async Task<List<ArchivedReport>> ListAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, """
            SELECT id, kind, period, file_name, size_bytes, created_by, created_at FROM report_archive
            ORDER BY period DESC, created_at DESC LIMIT 200
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ArchivedReport>();
        while (await r.ReadAsync(ct))
            list.Add(new ArchivedReport(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4),
                r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)));
        return list;
    }

    public async Task<RenderedReport?> GetAsync(long id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Sql.Command(conn, "SELECT file_name, content_type, content FROM report_archive WHERE id = $1", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new RenderedReport(r.GetString(0), r.GetString(1), r.GetFieldValue<byte[]>(2)) : null;
    }
}
