using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Corpus.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Corpus.Web.Tests;

/// <summary>Apps of their own (no ingest of the seed corpus): a failing ingest, and the rate and cost limits.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Corpus:IndexPath", "{corpus}/index", "Corpus:IndexPath")]
    [InlineData("Corpus:CorpusPath", "{file}", "Corpus:CorpusPath")]
    [InlineData("Corpus:IndexPath", "{file}", "Corpus:IndexPath")]
    [InlineData("RateLimiting:PermitsPerMinute", "0", "PermitsPerMinute")]
    [InlineData("RateLimiting:ConcordanceConcurrency", "-1", "ConcordanceConcurrency")]
    public void A_bad_setting_stops_the_site_at_start_with_a_message_naming_it(string setting, string value, string named)
    {
        var temp = CorpusApp.TempDir("settings");
        var corpus = Path.Combine(temp, "corpus");
        Directory.CreateDirectory(corpus);
        var file = Path.Combine(temp, "a-file.txt");
        File.WriteAllText(file, "not a folder");
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:CorpusPath"] = corpus,
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            [setting] = value.Replace("{corpus}", corpus, StringComparison.Ordinal).Replace("{file}", file, StringComparison.Ordinal),
        };
        var error = Assert.IsType<OptionsValidationException>(StartupFailure(settings, temp));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(corpus, "index")), "nothing was written before the check");
    }

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
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Costly_endpoints_are_rate_limited_per_client_and_retry_after_says_when_to_come_back()
    {
        var temp = CorpusApp.TempDir("limit");
        await using var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            // No corpus: serve the (empty) index as it is, ready at once.
            ["Corpus:CorpusPath"] = "",
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            // One request a second, in bursts of at most 60.
            ["RateLimiting:PermitsPerMinute"] = "60",
        }, new LogCapture(), temp);
        using var client = factory.CreateClient();
        await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(1));

        // Bad requests count too, and need no index: the limiter runs before the endpoint.
        var accepted = 0;
        HttpResponseMessage limited;
        var burst = Stopwatch.StartNew();
        // Bounded, so that a limiter that never refuses fails the test rather than hanging it.
        while ((limited = await client.GetAsync("/api/search?q=x&sort=bad")).StatusCode == HttpStatusCode.BadRequest && accepted < 200)
        {
            accepted++;
        }

        // The burst of 60, and the tokens that came back while it ran (one a second: more on a slow machine).
        Assert.InRange(accepted, 60, 62 + (int)burst.Elapsed.TotalSeconds);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("频繁", JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        // Tokens keep coming (one a second), so each endpoint is asked until it refuses.
        foreach (var url in new[] { "/?q=x", "/concordance?q=x", "/concordance.csv?q=x", "/api/concordance?q=x", "/documents/x" })
        {
            HttpResponseMessage? refused = null;
            for (var attempt = 0; attempt < 5 && refused is null; attempt++)
            {
                var response = await client.GetAsync(url);
                refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
            }
            Assert.NotNull(refused);
            Assert.NotNull(refused.Headers.RetryAfter);
            if (url == "/?q=x")
            {
                Assert.Contains("频繁", await refused.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);

        // Waiting as long as Retry-After says (plus the limiter's 0.1 s tick) is enough; asked again within a second
        // more, since the limiter's timer runs on the thread pool, which a loaded machine delays. Refusals use no token.
        await Task.Delay(limited.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(300));
        var again = await client.GetAsync("/api/search?q=x&sort=bad");
        for (var attempt = 0; attempt < 10 && again.StatusCode == HttpStatusCode.TooManyRequests; attempt++)
        {
            await Task.Delay(100);
            again = await client.GetAsync("/api/search?q=x&sort=bad");
        }
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Only_so_many_concordances_run_at_once_while_other_endpoints_are_not_held()
    {
        var temp = CorpusApp.TempDir("concurrency");
        await using var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            ["Corpus:CorpusPath"] = "",
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            ["RateLimiting:ConcordanceConcurrency"] = "1",
            ["RateLimiting:ConcordanceQueue"] = "0",
        }, new LogCapture(), temp);
        var limiter = factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        HttpContext Request(string route)
        {
            var context = new DefaultHttpContext();
            context.SetEndpoint(endpoints.First(e => e.RoutePattern.RawText?.Trim('/') == route));
            return context;
        }

        foreach (var route in new[] { "api/concordance", "concordance.csv", "concordance" })
        {
            using var first = limiter.AttemptAcquire(Request(route));
            using var second = limiter.AttemptAcquire(Request(route));
            using var search = limiter.AttemptAcquire(Request("api/search"));

            Assert.True(first.IsAcquired, route);
            Assert.False(second.IsAcquired, route);
            Assert.True(search.IsAcquired);
        }
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

    /// <summary>
    /// The exception that stops the site. When the app's entry point fails, WebApplicationFactory's deferred host can
    /// lose the race to a disposed service provider and throw ObjectDisposedException instead of the app's exception;
    /// that says nothing about the app, so the start is tried again (at most three times).
    /// </summary>
    private static Exception? StartupFailure(Dictionary<string, string?> settings, string temp)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = CorpusApp.Create(settings, new LogCapture(), temp);
            var error = Record.Exception(() => factory.CreateClient());
            if (error is not ObjectDisposedException || attempt == 3)
            {
                return error;
            }
        }
    }
}
