using System.Net;
using System.Text.Json;
using Corpus.Web.Tests.Support;
using Serilog.Events;

namespace Corpus.Web.Tests;

/// <summary>Apps of their own (no ingest of the seed corpus): a failing ingest, and the API rate limit.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_failed_ingest_is_logged_and_reported_without_stopping_the_site()
    {
        var temp = CorpusApp.TempDir("failed");
        var logs = new LogCapture();
        await using var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            ["Corpus:CorpusPath"] = Path.Combine(temp, "missing-corpus"),
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
        }, logs, temp);
        using var client = factory.CreateClient();

        var health = await WaitWhileIngesting(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.StartsWith("not ready: ingest failed:", await health.Content.ReadAsStringAsync());
        Assert.Contains(logs.Events, e => e.Level == LogEventLevel.Error && e.MessageTemplate.Text.Contains("failed"));

        var page = await client.GetAsync("/?q=疫情");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("语料", await page.Content.ReadAsStringAsync());

        var api = await client.GetAsync("/api/search?q=疫情");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_api_is_rate_limited_per_client_with_a_message()
    {
        var temp = CorpusApp.TempDir("limit");
        await using var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            // No corpus: serve the (empty) index as it is, ready at once.
            ["Corpus:CorpusPath"] = "",
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            ["RateLimiting:PermitsPerMinute"] = "3",
        }, new LogCapture(), temp);
        using var client = factory.CreateClient();
        await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(1));

        // Bad requests count too, and need no index: the limiter runs before the endpoint.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=x&sort=bad")).StatusCode);
        }
        var limited = await client.GetAsync("/api/search?q=x&sort=bad");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("频繁", JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static async Task<HttpResponseMessage> WaitWhileIngesting(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await client.GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();
            if (!body.StartsWith("not ready", StringComparison.Ordinal) || body.Contains("failed", StringComparison.Ordinal))
            {
                return response;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("still ingesting after a minute");
    }
}
