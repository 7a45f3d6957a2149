using System.Globalization;
using Npgsql;
using Omtanke.Core.Reporting;
using Omtanke.Core.Storage;

namespace Omtanke.Core.Meetings;

public enum CommentKind { Comment, Action }

/// <summary>
/// What the group said about one value: an explanation or decision, or an action with its owner and
/// follow-up month. The text is only ever text: workbooks write it through <c>Cells.PutText</c>, pages
/// encode it, the CSV quotes it.
/// </summary>
public sealed record Comment(long Id, string Indicator, string Area, DateOnly Period, CommentKind Kind, string Text,
    string? Owner, DateOnly? FollowUp, string Author, DateTimeOffset Created)
{
    public const int MaxLength = 4000;

    public string KindCode => Code(Kind);

    /// <summary>The kind as stored and as the CSV writes it: <c>comment</c> or <c>action</c>.</summary>
    public static string Code(CommentKind kind) => kind == CommentKind.Action ? "action" : "comment";
}

/// <summary>A comment to add; an action needs its owner and follow-up month.</summary>
public sealed record NewComment(string Indicator, string Area, DateOnly Period, string Text, string? Owner = null,
    DateOnly? FollowUp = null)
{
    public CommentKind Kind => Owner is null ? CommentKind.Comment : CommentKind.Action;
}

public static class Comments
{
    public static async Task<long> AddAsync(NpgsqlDataSource db, NewComment comment, string author, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(comment.Text) || comment.Text.Length > Comment.MaxLength)
            throw new ArgumentException($"Kommentaren ska ha 1–{Comment.MaxLength} tecken.", nameof(comment));
        if ((comment.Owner is null) != (comment.FollowUp is null))
            throw new ArgumentException("En åtgärd behöver både ansvarig och uppföljningsmånad.", nameof(comment));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var kind = Comment.Code(comment.Kind);
        var id = (long)(await Sql.ScalarAsync(conn, """
            INSERT INTO meeting_comments (indicator_id, area, period, kind, text, owner, follow_up, author)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """, ct, comment.Indicator, comment.Area, comment.Period, kind, comment.Text, comment.Owner, comment.FollowUp, author))!;
        await Audit.WriteAsync(conn, author, comment.Kind == CommentKind.Action ? "åtgärd-tillagd" : "kommentar-tillagd",
            $"{comment.Indicator}/{comment.Area}/{Periods.Label(comment.Period)}", new { id }, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The comments, optionally of one indicator or area, up to a month, ordered by value then as written.</summary>
    public static async Task<List<Comment>> ListAsync(NpgsqlDataSource db, string? indicator = null, string? area = null,
        DateOnly? through = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT id, indicator_id, area, period, kind, text, owner, follow_up, author, created_at FROM meeting_comments
            WHERE (@indicator::text IS NULL OR indicator_id = @indicator) AND (@area::text IS NULL OR area = @area)
              AND (@through::date IS NULL OR period <= @through)
            ORDER BY indicator_id COLLATE "C", area COLLATE "C", period, id
            """, conn)
        {
            Parameters =
            {
                new("indicator", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)indicator ?? DBNull.Value },
                new("area", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)area ?? DBNull.Value },
                new("through", NpgsqlTypes.NpgsqlDbType.Date) { Value = (object?)through ?? DBNull.Value },
            },
        };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Comment>();
        while (await r.ReadAsync(ct))
            list.Add(new Comment(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
                r.GetString(4) == "action" ? CommentKind.Action : CommentKind.Comment, r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7), r.GetString(8),
                r.GetFieldValue<DateTimeOffset>(9)));
        return list;
    }
}

/// <summary>The <c>comment list</c> CSV of CLI.md.</summary>
public static class CommentsCsv
{
    public const string Header = "id;indicator;area;period;kind;text;owner;follow_up;author;created";

    public static string Line(Comment c) => string.Join(';', c.Id.ToString(CultureInfo.InvariantCulture), c.Indicator, c.Area,
        Periods.Label(c.Period), c.KindCode, Csv.Field(c.Text), Csv.Field(c.Owner ?? ""),
        c.FollowUp is { } f ? Periods.Label(f) : "", Csv.Field(c.Author),
        c.Created.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}
