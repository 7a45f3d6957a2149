using Microsoft.AspNetCore.Mvc;
using Omtanke.Core.Indicators;
using Omtanke.Core.Sources;
using Omtanke.Web.Accounts;
using Omtanke.Web.Deliveries;
using Omtanke.Web.Jobs;
using Omtanke.Web.Presentation;

namespace Omtanke.Web.Api;

/// <summary>
/// The JSON API for machine clients (X-Api-Key) and signed-in users, described at /openapi/v1.json.
/// Values hidden by disclosure control come without their numbers for callers without the raw-data role.
/// </summary>
public static class ApiEndpoints
{
    public const int MaxPageSize = 1000;

    public static void MapOmtankeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Omtanke");
        api.MapGet("/indicators", Indicators).WithSummary("Indikatorkatalogen");
        api.MapGet("/values", ValuesAsync).WithSummary("Indikatorvärden med filter och sidindelning");
        api.MapGet("/deliveries", DeliveriesAsync).RequireAuthorization(Policies.Deliveries).WithSummary("Leveranshistorik");
        api.MapGet("/deliveries/{id:long}", DeliveryAsync).RequireAuthorization(Policies.Deliveries).WithSummary("En leverans med felrapport");
        // Machine clients only: a browser's cookie cannot start an import here, so no cross-site form can either.
        // A municipality's key imports only its own municipality's slices.
        api.MapPost("/imports", ImportAsync)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireRole(Roles.Administrator, Roles.Analyst, Roles.Municipality))
            .DisableAntiforgery()
            .WithSummary("Ladda upp ett extrakt för import; svarar med ett jobb-id att fråga efter");
        api.MapGet("/imports/{jobId}", ImportJob).RequireAuthorization(Policies.Import).WithSummary("Hur ett importjobb går");
    }

    public sealed record IndicatorDto(string Id, string Name, string Source, string Kind, string Unit, string Numerator,
        string? Denominator, string Better, bool PersonBased);

    public sealed record ValueDto(string Indicator, string Area, string Period, decimal? Numerator, decimal? Denominator,
        decimal? Value, string? Symbol, string Status);

    public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

    public sealed record DeliveryDto(long Id, string Source, string FileName, string Status, int? Rows, int ErrorCount,
        string ImportedBy, string ImportedVia, DateTimeOffset ImportedAt);

    public sealed record DeliveryDetailDto(DeliveryDto Delivery, IReadOnlyList<string> Errors, bool ErrorsWithheld,
        IReadOnlyList<string> Warnings);

    public sealed record JobDto(string JobId, string State, string? Status, string? Summary, long? DeliveryId);

    private static IEnumerable<IndicatorDto> Indicators() => IndicatorCatalog.All.Select(i => new IndicatorDto(i.Id, i.Name,
        i.SourceId, i.Kind == IndicatorKind.Count ? "count" : "ratio", i.Unit, i.NumeratorText, i.DenominatorText,
        i.Better.ToString().ToLowerInvariant(), i.PersonBased));

    private static async Task<IResult> ValuesAsync(HttpContext http, Npgsql.NpgsqlDataSource db, DisclosureSettings disclosure,
        string from, string to, string? periodType, [FromQuery] string[]? indicator, [FromQuery] string[]? area,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (Periods.Month(from) is not { } fromMonth || Periods.Month(to) is not { } toMonth || toMonth < fromMonth)
            return Problem($"Ange from och to som {Periods.MonthFormatHint}, med from före to.");
        PeriodType? type = periodType switch
        {
            null or "" or "month" => PeriodType.Month,
            "quarter" => PeriodType.Quarter,
            "year" => PeriodType.Year,
            _ => null,
        };
        if (type is null) return Problem("periodType ska vara month, quarter eller year.");
        var size = pageSize ?? 100;
        var number = page ?? 1;
        if (size < 1 || size > MaxPageSize || number < 1)
            return Problem($"page börjar på 1 och pageSize är 1–{MaxPageSize}.");
        var unknown = (indicator ?? []).FirstOrDefault(i => IndicatorCatalog.Find(i) is null);
        if (unknown is not null) return Problem($"Okänd indikator '{Printable(unknown)}'.");
        var unknownArea = (area ?? []).FirstOrDefault(a => !Core.Reporting.ReportAreas.AreaCodes.Contains(a));
        if (unknownArea is not null)
            return Problem($"Okänt område '{Printable(unknownArea)}'. Områden: {string.Join(", ", Core.Reporting.ReportAreas.AreaCodes)}.");

        var viewer = Viewer.Of(http.User);
        var filter = new ValuesFilter(fromMonth, toMonth, type.Value, indicator is { Length: > 0 } ? indicator : null,
            area is { Length: > 0 } ? area : null);
        var all = new List<ValueDto>();
        await foreach (var v in ValuesQuery.ReadAsync(db, filter, ct))
        {
            var shown = ShownValue.Of(v, IndicatorCatalog.Find(v.Indicator)!, viewer, disclosure);
            all.Add(shown.IsHidden
                ? new ValueDto(v.Indicator, v.Area, v.Period, null, null, null, shown.Symbol, v.Status)
                : new ValueDto(v.Indicator, v.Area, v.Period, Published(v.Numerator), Published(v.Denominator), Published(v.Value), null,
                    v.Status));
        }
        // In long arithmetic: the last int page times the largest page size does not fit in an int.
        var skip = (long)(number - 1) * size;
        var items = skip >= all.Count ? [] : all.Skip((int)skip).Take(size).ToList();
        return Results.Ok(new Page<ValueDto>(items, number, size, all.Count));
    }

    private static async Task<IResult> DeliveriesAsync(HttpContext http, DeliveryHistory history, int? page, CancellationToken ct)
    {
        const int size = 100;
        if (page is < 1) return Problem("page börjar på 1.");
        var list = await history.ListAsync(Viewer.Of(http.User), (long)((page ?? 1) - 1) * size, size, ct);
        return Results.Ok(list.Select(Dto));
    }

    private static async Task<IResult> DeliveryAsync(HttpContext http, DeliveryHistory history, long id, CancellationToken ct) =>
        await history.GetAsync(id, ct) is { } found && found.For(Viewer.Of(http.User)) is var d
            ? Results.Ok(new DeliveryDetailDto(Dto(d.Delivery), d.Errors.Select(e => e.ToString()).ToList(), d.ErrorsWithheld, d.Warnings))
            : Results.NotFound();

    private static async Task<IResult> ImportAsync(HttpContext http, ImportQueue queue, IFormFile file, [FromForm] string? source,
        CancellationToken ct)
    {
        if (source is not null && SourceCatalog.Find(source) is null)
            return Problem($"Okänd källa '{source}'. Kända källor: {string.Join(", ", SourceCatalog.All.Select(s => s.Id))}.");
        await using var content = file.OpenReadStream();
        var receipt = await queue.EnqueueUploadAsync(content, file.FileName, Viewer.Of(http.User), "api", source, ct);
        return receipt.JobId is { } id
            ? Results.Accepted($"/api/imports/{id}", new JobDto(id, ImportJobState.Waiting, null, null, null))
            : Problem(receipt.Refusal!, StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult ImportJob(HttpContext http, ImportQueue queue, string jobId) =>
        queue.Find(jobId) is { } state && state.IsVisibleTo(Viewer.Of(http.User))
            ? Results.Ok(new JobDto(state.JobId, state.State, state.Result?.Status, state.Result?.Summary, state.Result?.DeliveryId))
            : Results.NotFound();

    /// <summary>At the precision every output writes, never the raw quotient.</summary>
    private static decimal? Published(decimal? x) => x is { } d ? Core.Reporting.PublishedValue.Shown(d).Number : null;

    private static DeliveryDto Dto(Delivery d) => new(d.Id, d.Source, d.FileName, d.StatusText, d.Rows, d.ErrorCount,
        d.ImportedBy, d.ImportedVia, d.ImportedAt);

    private static IResult Problem(string detail, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(detail: detail, statusCode: status, title: "Felaktig begäran");

    /// <summary>A value the caller sent, quoted back without control characters (a NUL byte would end the text early).</summary>
    private static string Printable(string text) => new(text.Where(c => !char.IsControl(c)).Take(50).ToArray());
}
