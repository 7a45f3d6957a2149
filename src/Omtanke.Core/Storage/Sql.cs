using Npgsql;

namespace Omtanke.Core.Storage;

/// <summary>Short forms for the one-statement commands that most of the code runs, with positional parameters.</summary>
public static class Sql
{
    public static async Task<int> ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is DBNull ? null : result;
    }

    public static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }
}

public static class Audit
{
    public static Task WriteAsync(NpgsqlConnection conn, string actor, string action, string? subject, object details,
        CancellationToken ct) =>
        Sql.ExecAsync(conn, "INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4::jsonb)", ct,
            actor, action, subject, System.Text.Json.JsonSerializer.Serialize(details));
}
