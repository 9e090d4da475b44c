using System.Diagnostics;
using Corpus.Search;

namespace Corpus.Bench.Queries;

/// <summary>
/// Issue 12's latency figures over the benchmark queries, single-threaded after a warm-up pass: a one-query timeline,
/// concordance pages sorted by left context (the first page, and the pages after lines 1,000 and 10,000, reached
/// untimed through cursors), a deep page in document order, collocations (window 5), and the first page of a context
/// order on a cold cache (<c>concordance-cold</c>: what the first request after a refresh pays to sort every occurrence).
/// Queries a view rejects (only title or excluded phrases) and queries with fewer lines than a depth are left out of
/// that mode.
/// </summary>
public sealed class ResearchViewsBenchmark(Func<SearchService> service, IReadOnlyList<string> queries)
{
    private const int PageSize = 100;
    private static readonly ConcordanceKey[] Left = [ConcordanceKey.Left];

    public IReadOnlyList<BenchmarkMode> Run(int runs)
    {
        var shared = service();
        var modes = new List<(string Name, Func<string, Action?> Prepare)>
        {
            ("timeline", q => () => shared.Timeline(new TimelineRequest([q]))),
            ("concordance-left-first", q => () => shared.Concordance(Request(q, Left, null))),
            ("concordance-left-1000", q => Deep(shared, q, Left, 1)),
            ("concordance-left-10000", q => Deep(shared, q, Left, 10)),
            ("concordance-doc-1000", q => Deep(shared, q, [], 1)),
            ("collocations", q => () => shared.Collocations(new CollocationRequest(new SearchRequest(q)))),
            ("concordance-cold", q => () => service().Concordance(Request(q, Left, null))),
        };
        var results = new List<BenchmarkMode>();
        foreach (var (name, prepare) in modes)
        {
            var actions = queries.Select(q => Guard(() => prepare(q))).OfType<Action>().ToList();
            actions.ForEach(a => Guard(a));
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                foreach (var action in actions)
                {
                    var clock = Stopwatch.StartNew();
                    Guard(action);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            results.Add(new BenchmarkMode(
                name, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times.Count / total.Elapsed.TotalSeconds, actions.Count));
        }
        return results;
    }

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
