using System.Diagnostics;
using Corpus.Search;

namespace Corpus.Bench.Queries;

/// <summary>Latency of one kind of request over a query list: percentiles in milliseconds and single-thread throughput.</summary>
public sealed record BenchmarkMode(string Name, double P50Ms, double P95Ms, double P99Ms, double QueriesPerSecond, int Queries);

/// <summary>
/// Runs the benchmark queries single-threaded in several modes (search only, with snippets, with a date filter, with
/// facets, with the occurrence total, all together as the search page asks, and a one-query timeline): a warm-up pass, then <c>runs</c> timed passes per mode.
/// </summary>
public sealed class SearchBenchmark(SearchService service, IReadOnlyList<string> queries)
{
    /// <summary>The search modes and what each request computes; "all" is the search page's request.</summary>
    public static IReadOnlyList<(string Name, SearchOptions Options, bool DateFilter)> Modes { get; } =
    [
        ("search", new SearchOptions(Snippets: false, Facets: false, Occurrences: false), false),
        ("snippets", new SearchOptions(Snippets: true, Facets: false, Occurrences: false), false),
        ("date-filter", new SearchOptions(Snippets: false, Facets: false, Occurrences: false), true),
        ("facets", new SearchOptions(Snippets: false, Facets: true, Occurrences: false), false),
        ("occurrences", new SearchOptions(Snippets: false, Facets: false, Occurrences: true), false),
        ("all", SearchOptions.Everything, true),
        // What /api/search computes for a bare query: the in-process side of the HTTP load test's comparison.
        ("api", SearchOptions.Everything, false),
    ];

    /// <summary>The date range of the filter modes: a range typical of the corpus's recent years.</summary>
    public DateOnly FilterFrom { get; init; } = new(2021, 1, 1);

    public DateOnly FilterTo { get; init; } = new(2023, 12, 31);

    /// <summary>Reads the `id TAB kind TAB text` query file of the shared benchmark.</summary>
    public static IReadOnlyList<string> ReadQueries(string path) =>
        [.. File.ReadLines(path).Select(l => l.Split('\t')).Where(f => f.Length >= 3 && f[2].Length > 0).Select(f => f[2])];

    /// <summary>Warms up every mode first (JIT, page cache, per-reader caches), then times each mode in turn.</summary>
    public IReadOnlyList<BenchmarkMode> Run(int warmupRuns = 1, int runs = 3)
    {
        var modes = Modes.Select(m => (m.Name, Calls: queries
                .Select(q => m.DateFilter ? new SearchRequest(q, FilterFrom, FilterTo) : new SearchRequest(q))
                .Select(r => (Action)(() => service.Search(r, m.Options))).ToList()))
            // A timeline of one query over the whole corpus, the unit chosen automatically (what /api/timeline?q= computes).
            .Append(("timeline", [.. queries.Select(q => (Action)(() => service.Timeline(new TimelineRequest([q]))))]))
            .ToList();
        for (var i = 0; i < warmupRuns; i++)
        {
            foreach (var (_, calls) in modes)
            {
                calls.ForEach(call => call());
            }
        }
        var results = new List<BenchmarkMode>();
        foreach (var (name, calls) in modes)
        {
            var times = new List<double>(calls.Count * runs);
            var total = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                foreach (var call in calls)
                {
                    var clock = Stopwatch.StartNew();
                    call();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            total.Stop();
            times.Sort();
            results.Add(new BenchmarkMode(
                name, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99),
                times.Count / total.Elapsed.TotalSeconds, calls.Count));
        }
        return results;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
