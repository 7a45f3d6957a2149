namespace Omtanke.Web.Hosting;

/// <summary>The web application's settings, from the configuration section <c>Omtanke</c> (appsettings or
/// environment variables such as <c>Omtanke__Inbox</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Omtanke";

    /// <summary>The folder scanned for new extracts; relative paths are taken from the working directory.</summary>
    public string Inbox { get; set; } = "inbox";

    /// <summary>How often the inbox is scanned, as a cron expression.</summary>
    public string InboxScanCron { get; set; } = "* * * * *";

    /// <summary>A file younger than this is still being copied into the inbox and is left for the next scan.</summary>
    public TimeSpan InboxSettleTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The day of the month, the time and the time zone when the previous month's report is rendered.</summary>
    public int MonthlyReportDay { get; set; } = 10;
    public TimeOnly MonthlyReportTime { get; set; } = new(6, 0);
    public string TimeZone { get; set; } = "Europe/Stockholm";

    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>An upload's request: the file and the form around it.</summary>
    public long MaxRequestBytes => MaxUploadBytes + 1024 * 1024;

    /// <summary>Limits an .xlsx must keep before it is opened: refuses zip bombs.</summary>
    public int MaxXlsxEntries { get; set; } = 2_000;
    public long MaxXlsxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    public int JobWorkers { get; set; } = 2;

    /// <summary>Reports rendered on demand at once, by one person and in all (see <c>ReportRenderLimit</c>).</summary>
    public int MaxReportRendersPerUser { get; set; } = 1;
    public int MaxReportRenders { get; set; } = 2;
    public int ReportRetryAfterSeconds { get; set; } = 10;

    /// <summary>How often idle workers look for work, and how long a job of a dead server stays invisible.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan JobInvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Runs no job server in this process (a web-only instance beside separate workers).</summary>
    public bool DisableJobServer { get; set; }

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>
    /// The reverse proxies (IP addresses) whose <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed:
    /// behind one of them a request that reached the proxy over HTTPS is treated as HTTPS (secure cookies, HSTS).
    /// From anyone else the headers are ignored, so a client cannot claim another address or scheme.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    public string InboxPath(string workingDirectory) => Path.GetFullPath(Inbox, workingDirectory);

    /// <summary>
    /// Where ASP.NET Core buffers large request bodies (uploads) to disk, unless <c>ASPNETCORE_TEMP</c> says otherwise:
    /// a folder of this service's user only, not the shared temporary folder, for they hold raw patient data.
    /// </summary>
    public string RequestBuffers { get; set; } = Path.Combine(Path.GetTempPath(), $"omtanke-{Environment.UserName}-buffertar");
}

/// <summary>An organisation's identity provider; sign-in through it is offered only when all three are set.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "organisationskonto";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
