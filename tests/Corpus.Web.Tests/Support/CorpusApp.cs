using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Corpus.Web.Tests.Support;

/// <summary>Builds the real app (Program) with test settings; each instance gets its own temp folder.</summary>
public static class CorpusApp
{
    public static string TempDir(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"corpus-web-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static WebApplicationFactory<Program> Create(IDictionary<string, string?> settings, LogCapture logs, string tempDir)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            // The file sink stays on (as in production) but writes into the temp folder.
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(tempDir, "logs", "corpus-.log"),
        };
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            // Only used when the factory runs Kestrel: a free loopback port (UseKestrel(0) on a derived factory is ignored).
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(all));
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(logs));
        });
    }

    public static async Task WaitUntilReady(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await client.GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (body.Contains("failed", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The app failed to ingest: {body}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app was not ready after {timeout}: {body}");
            }
            await Task.Delay(200);
        }
    }
}
