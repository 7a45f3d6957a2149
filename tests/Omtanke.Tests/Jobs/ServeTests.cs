using System.Net;
using System.Text.RegularExpressions;
using Omtanke.Tests.Support;
using Omtanke.Tests.Web;

namespace Omtanke.Tests.Jobs;

public sealed partial class ServeTests
{
    [Test]
    public async Task Serve_on_a_new_database_makes_a_demo_administrator_once_and_shows_the_password_that_signs_in()
    {
        var work = Directory.CreateTempSubdirectory("omtanke-serve-");
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var inbox = Path.Combine(work.FullName, "inbox");
        string password;
        await using (var first = await ServeProcess.StartAsync(connectionString, inbox))
        {
            var shown = PasswordLine().Match(first.Output);
            Assert.That(shown.Success, Is.True, first.Output);
            password = shown.Groups[1].Value;
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = first.BaseAddress };
            var response = await client.PostAsync("/logga-in", await WebTestHost.FormAsync(client, "/logga-in", new()
            {
                ["UserName"] = "admin", ["Password"] = password,
            }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((await client.GetAsync("/konton")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        await using (var second = await ServeProcess.StartAsync(connectionString, inbox))
            Assert.That(PasswordLine().IsMatch(second.Output), Is.False, "the password is shown on the first start only");
        work.Delete(recursive: true);
    }

    [GeneratedRegex(@"lösenord:\s+(\S+)")]
    private static partial Regex PasswordLine();
}
