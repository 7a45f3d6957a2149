using System.Globalization;
using Npgsql;
using Omtanke.Core.Indicators;
using Omtanke.Core.Meetings;
using Omtanke.Core.Reporting;
using Omtanke.Core.Sources;
using Omtanke.Web.Accounts;

namespace Omtanke.Web.Meetings;

/// <summary>
/// The monthly meeting in the API: approvals (snapshots), revisions and comments. Reading is for every signed-in
/// caller, since all of it is published values and what the group said; approving is for administrators and
/// analysts; commenting also for a municipality, on its own municipality only. Writes take an API key, as imports do,
/// so no cross-site form can make them with a browser's cookie.
/// </summary>
public static class MeetingEndpoints
{
    public sealed record SnapshotDto(long Id, string Month, string ApprovedBy, DateTimeOffset ApprovedAt);

    public sealed record ApproveRequest(string Month);

    public sealed record RevisionDto(string Indicator, string Area, string Period, string Presented, string Current,
        string? PresentedStatus, string? CurrentStatus, string PresentedTarget, string CurrentTarget, string PresentedSignal,
        string CurrentSignal, long Snapshot, IReadOnlyList<string> Cause, bool Material);

    public sealed record CommentDto(long Id, string Indicator, string Area, string Period, string Kind, string Text, string? Owner,
        string? FollowUp, string Author, DateTimeOffset Created);

    public sealed record CommentRequest(string Indicator, string Area, string Period, string Text, string? Owner, string? FollowUp);

    public static void MapMeetingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Möten");
        api.MapGet("/snapshots", ListSnapshotsAsync).WithSummary("Fastställda månader (ögonblicksbilder av det som visades)");
        api.MapPost("/snapshots", ApproveAsync).RequireAuthorization(KeyWithRole(Roles.Administrator, Roles.Analyst))
            .DisableAntiforgery().WithSummary("Fastställ en månad efter mötet; svarar med ögonblicksbildens id");
        api.MapGet("/revisions", RevisionsAsync).WithSummary("Visade värden som ändrats sedan den senaste ögonblicksbilden som visade dem");
        api.MapGet("/comments", CommentsAsync).WithSummary("Kommentarer, beslut och åtgärder på värden");
        api.MapPost("/comments", AddCommentAsync).RequireAuthorization(KeyWithRole(Roles.Administrator, Roles.Analyst, Roles.Municipality))
            .DisableAntiforgery().WithSummary("Lägg till en kommentar eller en åtgärd (med ansvarig och uppföljningsmånad); en kommun bara på sin egen kommun");
    }

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> KeyWithRole(params string[] roles) =>
        p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole(roles);

    private static async Task<IEnumerable<SnapshotDto>> ListSnapshotsAsync(NpgsqlDataSource db, CancellationToken ct) =>
        (await Snapshots.ListAsync(db, ct)).Select(s => new SnapshotDto(s.Id, Periods.Label(s.Month), s.ApprovedBy, s.ApprovedAt));

    private static async Task<IResult> ApproveAsync(HttpContext http, NpgsqlDataSource db, DisclosureSettings disclosure,
        ApproveRequest request, CancellationToken ct)
    {
        if (!TryMonth(request.Month, out var month)) return Problem("Ange month som ÅÅÅÅ-MM.");
        var id = await Snapshots.ApproveAsync(new ReportContext(db, disclosure, Viewer.Of(http.User).Name), month, ct);
        return Results.Created($"/api/snapshots/{id}", new { id });
    }

    private static async Task<IResult> RevisionsAsync(NpgsqlDataSource db, DisclosureSettings disclosure, string? month, CancellationToken ct)
    {
        DateOnly? only = null;
        if (month is not null)
        {
            if (!TryMonth(month, out var m)) return Problem("Ange month som ÅÅÅÅ-MM.");
            only = m;
        }
        var revisions = await Revisions.ReadAsync(db, disclosure, MeetingSettings.FromEnvironment(), only, ct);
        return Results.Ok(revisions.Select(r => new RevisionDto(r.Indicator, r.Area, r.Period, r.Presented.Text, r.Current.Text,
            r.Presented.Status, r.Current.Status, r.Presented.Target, r.Current.Target, r.Presented.Signal, r.Current.Signal,
            r.SnapshotId, r.Causes, r.Material)));
    }

    private static async Task<IEnumerable<CommentDto>> CommentsAsync(NpgsqlDataSource db, string? indicator, string? area,
        CancellationToken ct) =>
        (await Comments.ListAsync(db, indicator, area, ct: ct)).Select(Dto);

    private static async Task<IResult> AddCommentAsync(HttpContext http, NpgsqlDataSource db, CommentRequest request, CancellationToken ct)
    {
        var viewer = Viewer.Of(http.User);
        if (IndicatorCatalog.Find(request.Indicator) is null) return Problem($"Okänd indikator '{request.Indicator}'.");
        if (!ReportAreas.AreaCodes.Contains(request.Area))
            return Problem($"area ska vara en av {string.Join(", ", ReportAreas.AreaCodes)}.");
        if (viewer.Role == Roles.Municipality && request.Area != viewer.Kommunkod)
            return Problem($"En kommun kommenterar bara sin egen kommun ({viewer.Kommunkod}).", StatusCodes.Status403Forbidden);
        if (!TryMonth(request.Period, out var period)) return Problem("Ange period som ÅÅÅÅ-MM.");
        DateOnly? followUp = null;
        if (request.FollowUp is not null)
        {
            if (!TryMonth(request.FollowUp, out var f)) return Problem("Ange followUp som ÅÅÅÅ-MM.");
            followUp = f;
        }
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > Comment.MaxLength)
            return Problem($"text ska ha 1–{Comment.MaxLength} tecken.");
        if ((request.Owner is null) != (followUp is null))
            return Problem("En åtgärd behöver både owner och followUp; en kommentar ingendera.");
        var id = await Comments.AddAsync(db, new NewComment(request.Indicator, request.Area, period, request.Text, request.Owner, followUp),
            viewer.Name, ct);
        return Results.Created($"/api/comments?indicator={request.Indicator}&area={request.Area}", new { id });
    }

    private static CommentDto Dto(Comment c) => new(c.Id, c.Indicator, c.Area, Periods.Label(c.Period), c.KindCode, c.Text, c.Owner,
        c.FollowUp is { } f ? Periods.Label(f) : null, c.Author, c.Created);

    private static IResult Problem(string detail, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(detail: detail, statusCode: status, title: "Felaktig begäran");

    private static bool TryMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
