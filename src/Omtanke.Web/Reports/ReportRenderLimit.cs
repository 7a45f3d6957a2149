using Omtanke.Web.Hosting;

namespace Omtanke.Web.Reports;

/// <summary>
/// Rendering a report on demand takes a core for seconds: a few at once per person, or many people at once, would
/// starve the pages and the imports. A render that would pass <see cref="WebOptions.MaxReportRendersPerUser"/> or
/// <see cref="WebOptions.MaxReportRenders"/> is not queued but refused (429), to be asked for again in a while. The
/// limit is this process's: it guards the cores of the machine the process runs on, and each instance has its own.
/// </summary>
public sealed class ReportRenderLimit(WebOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _perUser = new(StringComparer.OrdinalIgnoreCase);
    private int _total;

    /// <summary>Seconds to tell the client to wait: about one render.</summary>
    public int RetryAfterSeconds => options.ReportRetryAfterSeconds;

    /// <summary>A place for one render, to dispose when it is done; or why there is none, in Swedish.</summary>
    public (IDisposable? Lease, string? Refusal) TryEnter(string user)
    {
        lock (_gate)
        {
            var own = _perUser.GetValueOrDefault(user);
            if (own >= options.MaxReportRendersPerUser)
                return (null, $"Du har redan {own} rapport{(own == 1 ? "" : "er")} på väg. Vänta tills den är klar och försök sedan igen.");
            if (_total >= options.MaxReportRenders)
                return (null, $"Tjänsten tar fram många rapporter just nu. Försök igen om {RetryAfterSeconds} sekunder.");
            _perUser[user] = own + 1;
            _total++;
            return (new Lease(this, user), null);
        }
    }

    private void Leave(string user)
    {
        lock (_gate)
        {
            _total--;
            if (--_perUser[user] == 0) _perUser.Remove(user);
        }
    }

    private sealed class Lease(ReportRenderLimit limit, string user) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) limit.Leave(user);
        }
    }
}
