using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>
/// Runs one query over the index cut into contiguous ranges of documents on several threads, each thread with its own
/// collectors. Ranges cut across segments as well as between them, so the work splits evenly however the segments are
/// sized. There are several ranges per thread, taken in order by whichever thread is free: a thread that starts late
/// (a pool thread waking up takes up to a millisecond) leaves its share to the others instead of delaying the answer.
/// Each thread sees its documents in increasing order; which thread saw a document is not fixed, so callers merge
/// what does not depend on it (sums) or break ties by document (see <see cref="TopByScore"/>).
/// </summary>
internal static class PartitionedSearch
{
    private const int RangesPerThread = 8;

    /// <param name="parts">How many threads (1: all on the calling thread, as <see cref="IndexSearcher.Search(Query, ICollector)"/>).</param>
    /// <param name="create">A fresh collector chain for one thread: what the caller merges, and the collector to feed.
    /// Called on each thread, at once.</param>
    public static IReadOnlyList<T> Run<T>(IndexSearcher searcher, Query query, int parts, Func<(T Result, ICollector Collector)> create)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var maxDoc = searcher.IndexReader.MaxDoc;
        parts = Math.Clamp(parts, 1, Math.Max(1, maxDoc));
        if (parts == 1)
        {
            var chain = create();
            new Cursor(weight, leaves, chain.Collector).Score(0, maxDoc);
            return [chain.Result];
        }
        var ranges = Math.Min(parts * RangesPerThread, maxDoc);
        var taken = -1;
        var results = new T[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var (result, collector) = create();
            results[part] = result;
            var cursor = new Cursor(weight, leaves, collector);
            for (int range; (range = Interlocked.Increment(ref taken)) < ranges;)
            {
                cursor.Score((int)((long)maxDoc * range / ranges), (int)((long)maxDoc * (range + 1) / ranges));
            }
        });
        return results;
    }

    /// <summary>
    /// The best <paramref name="count"/> hits of all threads by score, ties in document order: what one pass keeps
    /// (Lucene's own merge breaks ties by shard, and a thread's documents are not one range).
    /// </summary>
    public static ScoreDoc[] TopByScore(IEnumerable<TopDocs> shards, int count) =>
        [.. shards.SelectMany(s => s.ScoreDocs).OrderByDescending(h => h.Score).ThenBy(h => h.Doc).Take(count)];

    /// <summary>One thread's walk: the scorer of the segment it is in, kept from one range to its next.</summary>
    internal sealed class Cursor(Weight weight, IList<AtomicReaderContext> leaves, ICollector collector)
    {
        private int leaf = -1;
        private Scorer? scorer;

        /// <summary>Feeds the collector the matches among top-level documents [from, to); ranges come in increasing order.</summary>
        public void Score(int from, int to)
        {
            for (var i = Math.Max(leaf, 0); i < leaves.Count && leaves[i].DocBase < to; i++)
            {
                var context = leaves[i];
                var first = Math.Max(from - context.DocBase, 0);
                var end = Math.Min(to - context.DocBase, context.AtomicReader.MaxDoc);
                if (first >= end)
                {
                    continue;
                }
                if (i != leaf)
                {
                    leaf = i;
                    // A scorer in document order (what the search would use for a collector that needs order).
                    scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
                    if (scorer is not null)
                    {
                        collector.SetNextReader(context);
                        collector.SetScorer(scorer);
                    }
                }
                if (scorer is null)
                {
                    continue;
                }
                // The scorer may already stand in this range (where the thread's last range ended).
                var doc = scorer.DocID;
                if (doc < first)
                {
                    doc = doc == -1 && first == 0 ? scorer.NextDoc() : scorer.Advance(first);
                }
                for (; doc < end; doc = scorer.NextDoc())
                {
                    collector.Collect(doc);
                }
            }
        }
    }
}
