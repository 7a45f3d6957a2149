using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Http.Features;
using Omtanke.Core.Indicators;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;
using Omtanke.Web.Api;
using Omtanke.Web.Deliveries;
using Omtanke.Web.Jobs;
using Omtanke.Web.Meetings;
using Omtanke.Web.Reports;
using Omtanke.Web.Uploads;

namespace Omtanke.Web.Hosting;

/// <summary>
/// The service: web pages, JSON API and job server in one host, on the embedded PostgreSQL or
/// <c>OMTANKE_DB</c>. Started by <c>omtanke serve</c> and by this project's own Program.
/// </summary>
public sealed class OmtankeWebHost
{
    private OmtankeWebHost() { }

    public static async Task RunAsync(string[] args)
    {
        var app = await BuildAsync(args);
        await app.RunAsync();
    }

    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The pages are compiled into this assembly, whichever program hosts it.
            ApplicationName = typeof(OmtankeWebHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);

        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var workingDirectory = Directory.GetCurrentDirectory();
        var settings = Settings(builder.Configuration, workingDirectory);
        var service = await OmtankeService.OpenAsync(settings, ct);
        await Migrator.MigrateAsync(service.Db, [typeof(OmtankeWebHost).Assembly], ct);
        await JobServer.InstallSchemaAsync(service.Db, ct);

        var services = builder.Services;
        services.AddSingleton(service);
        services.AddSingleton(service.Db);
        services.AddSingleton(new DisclosureSettings(settings.DisclosureLimit));
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new InboxFolders(options.InboxPath(workingDirectory)));
        UsePrivateRequestBuffers(options);
        services.AddSingleton<UploadGuard>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<ReportRenderLimit>();
        services.AddSingleton<DeliveryHistory>();
        services.AddSingleton<IReportRenderer, WorkbookReports>();
        services.AddHostedService<DemoAdministratorOnFirstStart>();
        services.AddHostedService<LeftoverSweepOnStart>();

        services.AddOmtankeSignIn(options);
        DataProtectionKeys.AddOmtankeDataProtection(services, service.Db);
        services.AddOmtankeJobs(service.Db, options);
        services.AddOmtankeHealth();
        services.AddRazorPages();
        // Swedish text stays readable in the HTML (å ä ö are not turned into character references).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOpenApi();
        services.AddProblemDetails();
        // The request's limit is the one that trips (a 413 the error responses explain); the form reader's own
        // limit would trip first with an error of no status, and the upload guard refuses a file just over the size.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);

        var app = builder.Build();
        // Closes the connection pool once the job server and every request are done with it.
        app.Lifetime.ApplicationStopped.Register(() => service.DisposeAsync().AsTask().GetAwaiter().GetResult());
        app.UseKnownProxies(options);
        app.UseOmtankeErrorResponses();
        app.UseSecurityHeaders();
        app.UseRequestLocalization("sv-SE");
        // After the error handlers, so a re-executed error page finds its endpoint.
        app.UseRouting();
        app.UseAuthentication();
        app.UseApiKeyAudit();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet(SecurityHeaders.StyleSheetPath, StyleSheet).AllowAnonymous();
        app.MapRazorPages();
        app.MapOmtankeApi();
        app.MapMeetingApi();
        app.MapOpenApi().AllowAnonymous();
        app.MapOmtankeHealth();
        app.MapOmtankeJobDashboard();
        return app;
    }

    /// <summary>OMTANKE_DB, OMTANKE_PATIENT_KEY and OMTANKE_DISCLOSURE_LIMIT, from the environment or any other configuration source.</summary>
    private static OmtankeSettings Settings(IConfiguration configuration, string workingDirectory)
    {
        var fromEnvironment = OmtankeSettings.FromEnvironment(workingDirectory);
        return fromEnvironment with
        {
            ConnectionString = NullIfEmpty(configuration[OmtankeSettings.ConnectionVariable]) ?? fromEnvironment.ConnectionString,
            PatientKey = NullIfEmpty(configuration[OmtankeSettings.PatientKeyVariable]) ?? fromEnvironment.PatientKey,
            DisclosureLimit = int.TryParse(configuration[OmtankeSettings.DisclosureLimitVariable], out var limit) && limit > 0
                ? limit : fromEnvironment.DisclosureLimit,
        };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Omtanke.Web.Assets.site.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static IResult StyleSheet() => Results.Bytes(Css.Value, "text/css; charset=utf-8");

    /// <summary>ASP.NET Core reads the variable once per process, when it first buffers a body.</summary>
    private static void UsePrivateRequestBuffers(WebOptions options)
    {
        var folder = Environment.GetEnvironmentVariable(BufferVariable) ?? options.RequestBuffers;
        InboxFolders.CreatePrivateFolder(folder);
        Environment.SetEnvironmentVariable(BufferVariable, folder);
    }

    private const string BufferVariable = "ASPNETCORE_TEMP";

    private sealed class LeftoverSweepOnStart(InboxFolders folders, ILogger<LeftoverSweepOnStart> log) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            var swept = folders.SweepLeftovers(Environment.GetEnvironmentVariable(BufferVariable)!);
            if (swept > 0) log.LogWarning("Removed {Count} files with raw data left by killed requests", swept);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class DemoAdministratorOnFirstStart(UserStore users) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => DemoAdministrator.EnsureAsync(users, Console.Out, ct);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
