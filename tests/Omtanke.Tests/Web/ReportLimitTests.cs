using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omtanke.Web.Reports;

namespace Omtanke.Tests.Web;

/// <summary>Issue 22: six parallel downloads by one reader saturated both cores; renders on demand are now limited.</summary>
public sealed class ReportLimitTests
{
    private const string Monthly = "/rapporter?handler=Manad&manad=2024-06";

    [Test]
    public async Task A_second_render_by_the_same_person_is_refused_with_429_retry_after_and_a_Swedish_message()
    {
        await using var host = await WebTestHost.StartAsync();
        var limit = host.Services.GetRequiredService<ReportRenderLimit>();
        var lars = await host.SignInAsync(WebTestHost.Reader);
        var (rendering, _) = limit.TryEnter(WebTestHost.Reader);

        var refused = await lars.GetAsync(Monthly);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Du har redan 1 rapport på väg."));
        Assert.That((await (await host.SignInAsync(WebTestHost.Analyst)).GetAsync(Monthly)).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "someone else still gets theirs");

        rendering!.Dispose();
        Assert.That((await lars.GetAsync(Monthly)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "once the first is done");
    }

    [Test]
    public async Task When_the_service_renders_its_most_reports_at_once_everyone_is_asked_to_wait()
    {
        await using var host = await WebTestHost.StartAsync();
        var limit = host.Services.GetRequiredService<ReportRenderLimit>();
        var lars = await host.SignInAsync(WebTestHost.Reader);
        var (first, _) = limit.TryEnter("någon");
        var (second, _) = limit.TryEnter("någon annan");

        var refused = await lars.GetAsync(Monthly);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Tjänsten tar fram många rapporter just nu."));
        Assert.That(limit.TryEnter("en tredje").Refusal, Is.Not.Null);

        first!.Dispose();
        first.Dispose(); // twice gives back one place only
        Assert.That(limit.TryEnter("en tredje").Lease, Is.Not.Null);
        Assert.That(limit.TryEnter("en fjärde").Refusal, Is.Not.Null);
        second!.Dispose();
    }
}
