using System.Diagnostics;
using Corpus.Search;
using Corpus.Bench.Queries;

namespace Corpus.Cli.Commands.Bench;

/// <summary>
/// Latency of the research views over the benchmark queries, single-threaded after a warm-up pass: the first
/// concordance page sorted by left context, a page deep in it (after line <see cref="Depth"/>, reached untimed
/// through cursors), a deep page in document order, and collocations with a window of 5.
/// </summary>
internal sealed class ViewsBenchmark(SearchService service, IReadOnlyList<string> queries)
{
    public const int Depth = 1000;
    private const int PageSize = 100;

    public IReadOnlyList<BenchmarkMode> Run(int runs)
    {
        var modes = new List<(string Name, Func<string, Action?> Prepare)>
        {
            ("concordance-page", q => () => service.Concordance(Request(q, [ConcordanceKey.Left], null))),
            ("concordance-deep", q => Deep(q, [ConcordanceKey.Left])),
            ("concordance-doc-deep", q => Deep(q, [])),
            ("collocations", q => () => service.Collocations(new CollocationRequest(new SearchRequest(q)))),
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
                name, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99),
                times.Count / total.Elapsed.TotalSeconds, actions.Count));
        }
        return results;
    }

    /// <summary>The page after line <see cref="Depth"/>, or null when the query has fewer lines (nothing that deep to time).</summary>
    private Action? Deep(string query, IReadOnlyList<ConcordanceKey> sort)
    {
        var first = service.Concordance(Request(query, sort, null) with { Size = Depth });
        return first.Next is { } cursor ? () => service.Concordance(Request(query, sort, cursor)) : null;
    }

    private static ConcordanceRequest Request(string query, IReadOnlyList<ConcordanceKey> sort, string? after) =>
        new(new SearchRequest(query), sort, Size: PageSize, After: after);

    /// <summary>Queries the views reject (only excluded or title phrases) are left out of the timing.</summary>
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
