using Npgsql;
using Polly;
using Polly.Retry;

namespace Omtanke.Web.Jobs;

/// <summary>
/// Retries, within one run of a job, what fails for a moment: a dropped database connection, a file
/// still locked by the program copying it. What still fails is left to the job's own retries.
/// </summary>
public static class Transient
{
    public static ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<NpgsqlException>(e => e.IsTransient)
                .Handle<IOException>(e => e is not FileNotFoundException and not DirectoryNotFoundException),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            UseJitter = true,
        })
        .Build();
}
