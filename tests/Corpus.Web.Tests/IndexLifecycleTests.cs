using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Corpus.Ingest;
using Corpus.Search;
using Corpus.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Corpus.Web.Tests;

/// <summary>
/// The site over its index's life, over real HTTP: re-ingests behind a serving index, commits by another process,
/// a damaged index at start, and what liveness and readiness say meanwhile. Apps of their own, on temp copies of the
/// committed generated corpus (tests/data/gen-300).
/// </summary>
public sealed class IndexLifecycleTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string GeneratedCorpus = Path.Combine(RepoPaths.Root, "tests", "data", "gen-300", "raw");
    private readonly string temp = CorpusApp.TempDir("lifecycle");

    [Fact]
    public async Task Re_ingests_run_behind_the_serving_index_with_no_error_and_no_503_and_show_the_new_documents()
    {
        var parts = SplitCorpus(6);
        var corpus = Folder("corpus", parts[0]);
        var index = Path.Combine(temp, "index");
        BuildIndex(corpus, index);
        var logs = new LogCapture();
        await using var factory = CorpusApp.Create(Settings(corpus, index), logs, temp);
        using var client = factory.CreateClient();
        await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(2));
        using var probes = new Probes(client);
        await probes.WaitForDocuments(CleanIngestCount(corpus), TimeSpan.FromMinutes(1));
        // Without a watch on the folder (no inotify instance left) nothing below would happen.
        Assert.DoesNotContain(logs.Events, e => e.RenderMessage().Contains("Cannot watch", StringComparison.Ordinal));

        // Four parts added at once: the old index serves all through their re-ingest, then the new one.
        CopyInto(corpus, [.. parts[1], .. parts[2], .. parts[3], .. parts[4]]);
        await probes.WaitForDocuments(CleanIngestCount(corpus), TimeSpan.FromMinutes(2));
        // Files added while the site runs are picked up without a restart, each time.
        var expected = CleanIngestCount(Folder("all", parts));
        var clock = Stopwatch.StartNew();
        CopyInto(corpus, parts[5]);
        await probes.WaitForDocuments(expected, TimeSpan.FromMinutes(2));
        output.WriteLine($"added files searchable after {clock.Elapsed.TotalSeconds:F1} s");

        var failures = await probes.Stop();
        Assert.True(probes.Count > 20, $"only {probes.Count} requests were made");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_commit_by_another_process_becomes_visible_without_a_restart()
    {
        var parts = SplitCorpus(6);
        var index = Path.Combine(temp, "index");
        BuildIndex(Folder("first", parts[0]), index);
        // No corpus: the site serves the folder as it is, as a web node behind a separate ingest machine does.
        await using var factory = CorpusApp.Create(Settings("", index), new LogCapture(), temp);
        using var client = factory.CreateClient();
        await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(2));
        using var probes = new Probes(client);

        // What `corpus ingest` does, from its own CorpusIndex: the site holds no lock that keeps it out.
        var everything = Folder("everything", parts[0], parts[1]);
        BuildIndex(everything, index);
        var clock = Stopwatch.StartNew();
        await probes.WaitForDocuments(CleanIngestCount(everything), TimeSpan.FromMinutes(1));
        output.WriteLine($"commit visible after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Empty(await probes.Stop());
    }

    [Fact]
    public async Task A_damaged_index_is_reported_not_ready_and_rebuilt_from_the_corpus_without_stopping_the_host()
    {
        var corpus = Folder("corpus", SplitCorpus(6)[0]);
        var index = Path.Combine(temp, "index");
        BuildIndex(corpus, index);
        foreach (var storedFields in Directory.EnumerateFiles(index, "*.fdt"))
        {
            using var stream = File.OpenWrite(storedFields);
            stream.SetLength(stream.Length / 2);
        }
        var logs = new LogCapture();
        await using var factory = CorpusApp.Create(Settings(corpus, index), logs, temp);
        using var client = factory.CreateClient();

        var states = new List<string>();
        var clock = Stopwatch.StartNew();
        while (states.Count == 0 || states[^1] != "ready")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), string.Join(" | ", states));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
            var body = await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync();
            if (states.Count == 0 || states[^1] != body)
            {
                states.Add(body);
            }
            Assert.True(states.Count < 10 && !body.Contains("ingest failed", StringComparison.Ordinal), string.Join(" | ", states));
            await Task.Delay(50);
        }

        // Never ready on the damaged index: ready only once the rebuild is complete, with every document back.
        Assert.All(states.SkipLast(1), s => Assert.StartsWith("not ready", s));
        Assert.Contains(logs.Events, e => e.RenderMessage().Contains("damaged", StringComparison.Ordinal));
        Assert.Equal(CleanIngestCount(corpus), await Documents(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=的&size=100")).StatusCode);
    }

    [Fact]
    public async Task A_damaged_index_without_a_corpus_says_clearly_that_it_cannot_serve_and_stays_alive()
    {
        var index = Path.Combine(temp, "index");
        BuildIndex(Folder("corpus", SplitCorpus(6)[0]), index);
        File.WriteAllBytes(Directory.EnumerateFiles(index, "segments_*").Single(), [1, 2, 3]);
        await using var factory = CorpusApp.Create(Settings("", index), new LogCapture(), temp);
        using var client = factory.CreateClient();

        var ready = await WaitUntilSettled(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Matches("^not ready: the index is damaged .+ no corpus is configured", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        var live = await client.GetAsync("/healthz/live");
        Assert.Equal((HttpStatusCode.OK, "live"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
        // Nothing of a damaged index is served: every page and API call says so.
        foreach (var path in new[] { "/api/search?q=的", "/api/stats", "/api/documents/abc" })
        {
            var api = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("索引文件已损坏", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        }
        foreach (var path in new[] { "/", "/search?q=的", "/about", "/concordance?q=的" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("索引文件已损坏，且没有可供重建的语料", await page.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_failed_re_ingest_over_a_valid_index_is_degraded_and_keeps_serving()
    {
        var index = Path.Combine(temp, "index");
        var corpus = Folder("corpus", SplitCorpus(6)[0]);
        BuildIndex(corpus, index);
        await using var factory = CorpusApp.Create(Settings(Path.Combine(temp, "missing-corpus"), index), new LogCapture(), temp);
        using var client = factory.CreateClient();

        // The intact index is served ("ready") while the re-ingest is tried behind it; it fails, and the site says so.
        var states = new List<(HttpStatusCode Status, string Body)>();
        var clock = Stopwatch.StartNew();
        while (states.Count == 0 || !states[^1].Body.StartsWith("degraded", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), string.Join(" | ", states));
            var response = await client.GetAsync("/healthz/ready");
            var state = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (states.Count == 0 || states[^1] != state)
            {
                states.Add(state);
            }
            await Task.Delay(20);
        }

        Assert.StartsWith("degraded: the last ingest failed", states[^1].Body);
        Assert.All(states.SkipWhile(s => s.Body.StartsWith("not ready: starting", StringComparison.Ordinal)),
            s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Equal(CleanIngestCount(corpus), await Documents(client));
        Assert.Contains("注意", await client.GetStringAsync("/about"));
    }

    /// <summary>Waits until readiness is no longer "starting" or a first ingest or rebuild, and returns that answer.</summary>
    private static async Task<HttpResponseMessage> WaitUntilSettled(HttpClient client)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var response = await client.GetAsync("/healthz/ready");
            var body = await response.Content.ReadAsStringAsync();
            if (!body.StartsWith("not ready: starting", StringComparison.Ordinal) && !body.Contains("running", StringComparison.Ordinal)
                && !body.Contains("rebuilding", StringComparison.Ordinal))
            {
                return response;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("readiness did not settle within a minute");
    }

    private static Dictionary<string, string?> Settings(string corpus, string index) => new()
    {
        ["Corpus:CorpusPath"] = corpus,
        ["Corpus:IndexPath"] = index,
        ["RateLimiting:Disabled"] = "true",
    };

    private static async Task<int> Documents(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/stats")).RootElement.GetProperty("documents").GetInt32();

    /// <summary>How many documents a clean ingest of the folder gives: what the site must end up serving.</summary>
    private static int CleanIngestCount(string corpus) =>
        new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpus).Documents.Count;

    /// <summary>An ingest into the folder from a CorpusIndex of its own, as the `corpus ingest` command does.</summary>
    private static void BuildIndex(string corpus, string index)
    {
        using var writerSide = new CorpusIndex(index, NullLogger<CorpusIndex>.Instance);
        new CorpusIndexer(new IngestPipeline(NullLogger<IngestPipeline>.Instance), writerSide, NullLogger<CorpusIndexer>.Instance)
            .EnsureCurrent(corpus);
    }

    /// <summary>The generated corpus's files dealt round-robin into parts (a sixth is ~50 files), each with every kind of file.</summary>
    private static List<string>[] SplitCorpus(int count)
    {
        var files = Directory.EnumerateFiles(GeneratedCorpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return [.. Enumerable.Range(0, count).Select(part => files.Where((_, i) => i % count == part).ToList())];
    }

    private string Folder(string name, params List<string>[] parts)
    {
        var folder = Path.Combine(temp, name);
        Directory.CreateDirectory(folder);
        foreach (var part in parts)
        {
            CopyInto(folder, part);
        }
        return folder;
    }

    private static void CopyInto(string folder, List<string> files)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(folder, Path.GetRelativePath(GeneratedCorpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be closing; the temp folder is cleaned by the system eventually.
        }
    }

    /// <summary>Searches and readiness probes sent without pause until stopped; every answer must be 200.</summary>
    private sealed class Probes : IDisposable
    {
        private readonly HttpClient client;
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentQueue<string> failures = new();
        private readonly Task[] loops;
        private int count;
        private readonly ConcurrentQueue<int> seen = new();
        private volatile int documents = -1;

        public Probes(HttpClient client)
        {
            this.client = client;
            loops =
            [
                Loop("/api/search?q=的&size=20"),
                Loop("/?q=中国"),
                Loop("/healthz/ready"),
                Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var response = await client.GetAsync("/api/stats");
                        Interlocked.Increment(ref count);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Enqueue($"/api/stats: {(int)response.StatusCode}");
                            continue;
                        }
                        documents = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("documents").GetInt32();
                        seen.Enqueue(documents);
                    }
                }),
            ];
        }

        public int Count => count;

        /// <summary>Every document count /api/stats answered, in order.</summary>
        public IReadOnlyCollection<int> Seen => seen;

        public async Task WaitForDocuments(int expected, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (documents != expected)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the site serves {documents} documents, not {expected}, after {timeout}");
                }
                await Task.Delay(50);
            }
        }

        public async Task<IReadOnlyList<string>> Stop()
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
            return [.. failures];
        }

        private Task Loop(string path) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.GetAsync(path);
                Interlocked.Increment(ref count);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        });

        public void Dispose() => stop.Dispose();
    }
}
