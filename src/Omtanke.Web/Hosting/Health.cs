using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Omtanke.Web.Hosting;

/// <summary><c>/health</c>: the database answers, and a job server has reported in lately.</summary>
public static class Health
{
    public const string Path = "/health";

    public static void AddOmtankeHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("databas")
            .AddCheck<JobServerCheck>("jobbserver");

    public static void MapOmtankeHealth(this WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class DatabaseCheck(NpgsqlDataSource db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var cmd = db.CreateCommand("SELECT 1");
                await cmd.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy("Databasen svarar.");
            }
            catch (NpgsqlException)
            {
                return HealthCheckResult.Unhealthy("Databasen svarar inte.");
            }
        }
    }

    private sealed class JobServerCheck(JobStorage storage) : IHealthCheck
    {
        private static readonly TimeSpan Silence = TimeSpan.FromMinutes(1);

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                var alive = storage.GetMonitoringApi().Servers()
                    .Count(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < Silence);
                return Task.FromResult(alive > 0
                    ? HealthCheckResult.Healthy($"{alive} jobbserver(ar) igång.")
                    : HealthCheckResult.Unhealthy("Ingen jobbserver har hört av sig den senaste minuten."));
            }
            catch (NpgsqlException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("Jobbservern kan inte nås."));
            }
        }
    }
}
