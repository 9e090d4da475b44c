using System.Net;
using System.Text.RegularExpressions;
using Corpus.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

/// <summary>Values from requests cannot start a line of their own in the log files, nor write raw control bytes.</summary>
public sealed partial class LogForgingTests
{
    private const string Forged = "\r\n2026-01-01 00:00:00.000 +00:00 [FTL] Forged: FORGED\n[12:00:00 ERR] FORGED\0\u0085\u2028\u2029\u001b[31m";

    [Fact]
    public async Task Control_characters_from_a_request_are_escaped_in_the_log_file()
    {
        var temp = CorpusApp.TempDir("logs");
        var logs = new LogCapture();
        await using (var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            // No corpus: the empty index serves at once.
            ["Corpus:CorpusPath"] = "",
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            ["RateLimiting:Disabled"] = "true",
        }, logs, temp))
        {
            using var client = factory.CreateClient();
            await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(1));
            var query = Uri.EscapeDataString("疫情" + Forged);

            // A search (logged with its query), a rejected one (logged with the query string), a request path.
            await client.GetAsync("/?q=" + query);
            await client.GetAsync("/api/search?q=" + query);
            await client.GetAsync("/api/search?sort=bad&q=" + query);
            // Paths cannot hold NUL (the server refuses them), but CR and LF pass.
            await client.GetAsync("/documents/" + Uri.EscapeDataString(Forged.Replace("\0", "", StringComparison.Ordinal)));
        }

        var text = string.Concat(Directory.GetFiles(Path.Combine(temp, "logs")).Select(File.ReadAllText));
        Assert.Contains("FORGED", text);
        Assert.Contains(@"\r\n2026-01-01", text);
        Assert.Contains(@"\u0000\u0085\u2028\u2029\u001B[31m", text);
        foreach (var c in "\0\r\u0085\u2028\u2029\u001b")
        {
            Assert.DoesNotContain(c, text);
        }
        foreach (var line in text.Split('\n'))
        {
            // Every line the app wrote starts with its own timestamp; none starts with the forged one.
            Assert.True(line.Length == 0 || LogLine().IsMatch(line) || char.IsWhiteSpace(line[0]), $"a line the app did not write: {line}");
            Assert.DoesNotContain("[FTL] Forged", line[..Math.Min(line.Length, 40)]);
        }
        // The sinks read from services (the console's template) see the same escaped values.
        Assert.Contains(logs.Events, e => e.RenderMessage().Contains(@"\n[12:00:00 ERR] FORGED\u0000", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Events, e => e.RenderMessage().IndexOfAny(['\r', '\n', '\0', '\u2028']) >= 0);
    }

    [Fact]
    public async Task An_exception_whose_message_quotes_the_request_is_escaped_in_the_log_file()
    {
        var temp = CorpusApp.TempDir("logs-exception");
        var logs = new LogCapture();
        await using (var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            ["Corpus:CorpusPath"] = "",
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            ["RateLimiting:Disabled"] = "true",
        }, logs, temp).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FailingFallback()))))
        {
            using var client = factory.CreateClient();
            await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(1));

            var response = await client.GetAsync("/no-such-page?q=" + Uri.EscapeDataString("疫情" + Forged));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        var text = string.Concat(Directory.GetFiles(Path.Combine(temp, "logs")).Select(File.ReadAllText));
        // The exception is logged (by the framework's exception handler) with its stack trace on lines of their own...
        Assert.Contains("System.InvalidOperationException: cannot read the query 疫情\\r\\n2026-01-01 00:00:00.000 +00:00 [FTL] Forged", text);
        Assert.Contains("\n   at ", text);
        // ...and with the query's control characters escaped, so none of them starts a line.
        Assert.Contains(@"\u0000\u0085\u2028\u2029\u001B[31m", text);
        foreach (var c in "\0\r\u0085\u2028\u2029\u001b")
        {
            Assert.DoesNotContain(c, text);
        }
        Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith("2026-01-01", StringComparison.Ordinal) || line.StartsWith("[12:00:00", StringComparison.Ordinal));
        Assert.Contains(logs.Events, e => e.Exception?.ToString().Contains(@"\n[12:00:00 ERR] FORGED\u0000", StringComparison.Ordinal) == true);
    }

    /// <summary>Behind every endpoint, a request nothing answered fails with a message quoting its query: an exception path a request reaches.</summary>
    private sealed class FailingFallback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => throw new InvalidOperationException("cannot read the query " + context.Request.Query["q"]));
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} \[(VRB|DBG|INF|WRN|ERR|FTL)\] ")]
    private static partial Regex LogLine();
}
