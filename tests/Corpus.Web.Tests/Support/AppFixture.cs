using Corpus.Search;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests.Support;

/// <summary>
/// The app on the seed corpus, on a real Kestrel port (for the browser tests too), ingested once for all tests
/// in the "app" collection.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string tempDir = CorpusApp.TempDir("app");

    public LogCapture Logs { get; } = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public SearchService Search => Factory.Services.GetRequiredService<SearchService>();

    public async Task InitializeAsync()
    {
        Factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            ["Corpus:CorpusPath"] = RepoPaths.SeedCorpus,
            ["Corpus:IndexPath"] = Path.Combine(tempDir, "index"),
            // The tests send many API requests from one address; the limiter has its own test.
            ["RateLimiting:Disabled"] = "true",
        }, Logs, tempDir);
        Factory.UseKestrel();
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal)
            .Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
        Client = new HttpClient { BaseAddress = BaseAddress };
        await CorpusApp.WaitUntilReady(Client, TimeSpan.FromMinutes(5));
        // Ready comes once the commit serves; a fresh index is then merged behind it. Tests that copy the index folder
        // need it to have stopped changing.
        var readiness = Factory.Services.GetRequiredService<Corpus.Web.Hosting.IndexReadiness>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (readiness.Ingest is not null)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("the startup ingest was still running two minutes after the site was ready");
            }
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(tempDir, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be closing; the temp folder is cleaned by the system eventually.
        }
    }
}
