using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Omtanke.Web.Accounts;
using Omtanke.Web.Hosting;
using Omtanke.Web.Jobs;

namespace Omtanke.Tests.Web;

/// <summary>
/// The real web host (pages, API, job server) on a fresh PostgreSQL database of its own, with one signed-up
/// user per role. Clients sign in through the sign-in form, as a person would.
/// </summary>
public sealed partial class WebTestHost : WebApplicationFactory<OmtankeWebHost>
{
    public const string Password = "ett-långt-testlösenord";
    public const string Admin = "ada";
    public const string Analyst = "anna";
    public const string Municipality = "vera";   // kommun Varberg
    public const string MunicipalityCode = "1383";
    public const string Reader = "lars";

    private readonly IReadOnlyDictionary<string, string> _settings;

    private WebTestHost(string connectionString, string inbox, IReadOnlyDictionary<string, string>? settings)
    {
        ConnectionString = connectionString;
        Inbox = inbox;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string ConnectionString { get; }
    public string Inbox { get; }
    public NpgsqlDataSource Db => Services.GetRequiredService<NpgsqlDataSource>();

    /// <param name="settings">More configuration, such as <c>Omtanke:KnownProxies:0</c>.</param>
    public static async Task<WebTestHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var inbox = Path.Combine(Path.GetTempPath(), "omtanke-inbox-" + Guid.NewGuid().ToString("N")[..8]);
        var host = new WebTestHost(await TestPostgres.CreateDatabaseAsync(), inbox, settings);
        var users = host.Services.GetRequiredService<UserStore>();
        await users.CreateAsync(Admin, "Ada Admin", Password, Roles.Administrator, null, "test");
        await users.CreateAsync(Analyst, "Anna Analytiker", Password, Roles.Analyst, null, "test");
        await users.CreateAsync(Municipality, "Vera Varberg", Password, Roles.Municipality, MunicipalityCode, "test");
        await users.CreateAsync(Reader, "Lars Läsare", Password, Roles.Reader, null, "test");
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("OMTANKE_DB", ConnectionString);
        builder.UseSetting("OMTANKE_PATIENT_KEY", TestPostgres.PatientKey);
        builder.UseSetting("Omtanke:Inbox", Inbox);
        builder.UseSetting("Omtanke:InboxSettleTime", "00:00:00");
        builder.UseSetting("Omtanke:QueuePollInterval", "00:00:00.200");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A machine client with a new API key of the role, sent in the X-Api-Key header.</summary>
    public async Task<HttpClient> KeyClientAsync(string role, string? kommunkod = null) =>
        KeyClient(await Services.GetRequiredService<ApiKeyStore>().CreateAsync($"system-{role}", role, kommunkod, "test"));

    public HttpClient KeyClient(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyStore.Header, key);
        return client;
    }

    /// <summary>A client signed in through the form, cookies kept.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostAsync("/logga-in", await FormAsync(client, "/logga-in", new()
        {
            ["UserName"] = userName,
            ["Password"] = Password,
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"sign-in of {userName}");
        return client;
    }

    /// <summary>A form post's fields with the antiforgery token of the page the form is on.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiforgeryToken(html);
        return new FormUrlEncodedContent(fields);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new AssertionException("The page has no antiforgery token.");

    /// <summary>Uploads a file through the form under Leveranser, as a person would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string? source = null)
    {
        var html = await client.GetStringAsync("/leveranser");
        var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        if (source is not null) form.Add(new StringContent(source), "Source");
        return await client.PostAsync("/leveranser", form);
    }

    /// <summary>The job id an accepted upload redirected to.</summary>
    public static string JobIdOf(HttpResponseMessage upload)
    {
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the upload was accepted for import");
        return upload.Headers.Location!.ToString().Split('/').Last();
    }

    /// <summary>Waits for an import job to finish and returns its state.</summary>
    public async Task<ImportJobState> WaitForJobAsync(string jobId, TimeSpan? timeout = null)
    {
        var queue = Services.GetRequiredService<ImportQueue>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < until)
        {
            if (queue.Find(jobId) is { IsFinished: true } state) return state;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Import job {jobId} did not finish.");
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] args)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await Omtanke.Core.Storage.Sql.ScalarAsync(conn, sql, default, args);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Inbox, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
