using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Npgsql;
using Omtanke.Core.Storage;
using Omtanke.Web.Accounts;
using Omtanke.Web.Jobs;
using Omtanke.Web.Reports;

namespace Omtanke.Web.Hosting;

/// <summary>Hangfire on the service's own PostgreSQL (schema <c>hangfire</c>): jobs survive a restart and
/// several instances share them.</summary>
public static class JobServer
{
    public const string Schema = "hangfire";
    public const string DashboardPath = "/hangfire";

    public static void AddOmtankeJobs(this IServiceCollection services, NpgsqlDataSource db, WebOptions options)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseConnectionFactory(new DataSourceConnections(db)), new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                // Installed by InstallSchemaAsync, one instance at a time.
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = options.QueuePollInterval,
                InvisibilityTimeout = options.JobInvisibilityTimeout,
                // A live server keeps its jobs; a dead one's jobs come back after the timeout.
                UseSlidingInvisibilityTimeout = true,
                EnableLongPolling = true,
            }));
        if (!options.DisableJobServer)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.JobWorkers;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                o.ShutdownTimeout = TimeSpan.FromSeconds(15);
            });
        services.AddHostedService<RecurringJobsRegistration>();
    }

    /// <summary>
    /// Installs or upgrades Hangfire's schema under an advisory lock. Hangfire's own preparation at start takes no
    /// lock of its own across processes, so two instances started at once on an empty database both ran the install
    /// script and one of them failed on the other's tables; here the second waits and finds the schema in place.
    /// </summary>
    public static async Task InstallSchemaAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await Sql.ExecAsync(conn, "SELECT pg_advisory_lock(hashtextextended('hangfire-schema', 0))", ct);
        try
        {
            PostgreSqlObjectsInstaller.Install(conn, Schema);
        }
        finally
        {
            await Sql.ExecAsync(conn, "SELECT pg_advisory_unlock(hashtextextended('hangfire-schema', 0))", CancellationToken.None);
        }
    }

    /// <summary>The job server draws on the service's own connection pool, which closes with the host.</summary>
    private sealed class DataSourceConnections(NpgsqlDataSource db) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => db.CreateConnection();
    }

    /// <summary>The dashboard, for administrators only: the endpoint's policy decides, not Hangfire's local-only default.</summary>
    public static void MapOmtankeJobDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = Array.Empty<IDashboardAuthorizationFilter>(),
                AppPath = "/",
                DashboardTitle = "Omtanke – bakgrundsjobb",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(Policies.Administer);

    /// <summary>At start: the recurring jobs on their schedules, and a job for any inbox file left claimed by a crash.</summary>
    private sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, WebOptions options)
        : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            recurring.AddOrUpdate<InboxScanJob>(InboxScanJob.RecurringId, j => j.Scan(), options.InboxScanCron);
            recurring.AddOrUpdate<MonthlyReportJob>(MonthlyReportJob.RecurringId, j => j.RunAsync(null, CancellationToken.None),
                MonthlyReportJob.Cron(options),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
            jobs.Enqueue<InboxScanJob>(j => j.Recover());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
