using System.Diagnostics;
using Corpus.Search;

namespace Corpus.Bench.Queries;

/// <summary>
/// Issue 12's latency figures over the benchmark queries, single-threaded after a warm-up pass: a one-query timeline,
/// concordance pages in document order and sorted by left and by right context (the first page, and the pages after
/// lines 1,000 and 10,000, reached untimed through cursors), collocations (window 5), and the first page of a context
/// order on a cold cache (<c>concordance-cold</c>: what the first request after a refresh pays to sort every occurrence).
/// Queries a view rejects (only title or excluded phrases) and queries with fewer lines than a depth are left out of
/// that mode.
/// </summary>
public sealed class ResearchViewsBenchmark(Func<SearchService> service, IReadOnlyList<string> queries)
{
    private const int PageSize = 100;
    private static readonly ConcordanceKey[] Left = [ConcordanceKey.Left];
    private static readonly ConcordanceKey[] Right = [ConcordanceKey.Right];

    /// <summary>Where each mode reports, as it ends, its setup and timed seconds and its slowest query (null: silent).</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>The modes to run, by name (empty: all of them).</summary>
    public IReadOnlyCollection<string> Only { get; init; } = [];

    public static IReadOnlyList<string> ModeNames => [.. Modes(null!, null!).Select(m => m.Name)];

    public IReadOnlyList<BenchmarkMode> Run(int runs)
    {
        var results = new List<BenchmarkMode>();
        foreach (var (name, prepare) in Modes(service(), service).Where(m => Only.Count == 0 || Only.Contains(m.Name)))
        {
            var setup = Stopwatch.StartNew();
            var actions = queries.Select(q => (Query: q, Action: Guard(() => prepare(q)))).Where(a => a.Action is not null).ToList();
            actions.ForEach(a => Guard(a.Action!));
            setup.Stop();
            var times = new List<double>();
            var slowest = (Query: "", Ms: 0.0);
            var total = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                foreach (var (query, action) in actions)
                {
                    var clock = Stopwatch.StartNew();
                    Guard(action!);
                    var ms = clock.Elapsed.TotalMilliseconds;
                    times.Add(ms);
                    slowest = ms > slowest.Ms ? (query, ms) : slowest;
                }
            }
            total.Stop();
            times.Sort();
            var mode = new BenchmarkMode(
                name, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times.Count / total.Elapsed.TotalSeconds, actions.Count);
            Progress?.WriteLine(
                $"{name}: {actions.Count} queries, p50/p95/p99 {mode.P50Ms:F1}/{mode.P95Ms:F1}/{mode.P99Ms:F1} ms, setup and warm-up {setup.Elapsed.TotalSeconds:F1} s, timed {total.Elapsed.TotalSeconds:F1} s, slowest {slowest.Query} {slowest.Ms:F0} ms");
            results.Add(mode);
        }
        return results;
    }

    private static List<(string Name, Func<string, Action?> Prepare)> Modes(SearchService shared, Func<SearchService> fresh) =>
    [
        ("timeline", q => () => shared.Timeline(new TimelineRequest([q]))),
        ("concordance-doc-first", q => () => shared.Concordance(Request(q, [], null))),
        ("concordance-doc-1000", q => Deep(shared, q, [], 1)),
        ("concordance-doc-10000", q => Deep(shared, q, [], 10)),
        ("concordance-left-first", q => () => shared.Concordance(Request(q, Left, null))),
        ("concordance-left-1000", q => Deep(shared, q, Left, 1)),
        ("concordance-left-10000", q => Deep(shared, q, Left, 10)),
        ("concordance-right-first", q => () => shared.Concordance(Request(q, Right, null))),
        ("concordance-right-10000", q => Deep(shared, q, Right, 10)),
        ("collocations", q => () => shared.Collocations(new CollocationRequest(new SearchRequest(q)))),
        ("concordance-cold", q => () => fresh().Concordance(Request(q, Left, null))),
    ];

    /// <summary>The page after <paramref name="thousands"/>·1,000 lines, or null when the query has fewer lines.</summary>
    private static Action? Deep(SearchService service, string query, IReadOnlyList<ConcordanceKey> sort, int thousands)
    {
        string? cursor = null;
        for (var i = 0; i < thousands; i++)
        {
            cursor = service.Concordance(Request(query, sort, cursor) with { Size = 1000 }).Next;
            if (cursor is null)
            {
                return null;
            }
        }
        return () => service.Concordance(Request(query, sort, cursor));
    }

    private static ConcordanceRequest Request(string query, IReadOnlyList<ConcordanceKey> sort, string? after) =>
        new(new SearchRequest(query), sort, Size: PageSize, After: after);

    private static T? Guard<T>(Func<T?> action) where T : class
    {
        try
        {
            return action();
        }
        catch (QueryException)
        {
            return null;
        }
    }

    private static void Guard(Action action) => Guard<object>(() =>
    {
        action();
        return null;
    });

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
