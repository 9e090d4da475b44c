using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>
/// Runs one query over the index cut into contiguous ranges of documents, each range with its own collectors, the
/// ranges at once on several threads. Ranges cut across segments as well as between them, so the work splits evenly
/// however the segments are sized. The caller merges the collectors (in range order, which is document order).
/// </summary>
internal static class PartitionedSearch
{
    /// <param name="parts">How many ranges (1: on the calling thread, as <see cref="IndexSearcher.Search(Query, ICollector)"/>).</param>
    /// <param name="create">A fresh collector chain for one range: what the caller merges, and the collector to feed.</param>
    public static IReadOnlyList<T> Run<T>(IndexSearcher searcher, Query query, int parts, Func<(T Result, ICollector Collector)> create)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var maxDoc = searcher.IndexReader.MaxDoc;
        parts = Math.Clamp(parts, 1, Math.Max(1, maxDoc));
        var chains = Enumerable.Range(0, parts).Select(_ => create()).ToArray();
        if (parts == 1)
        {
            Score(weight, leaves, 0, maxDoc, chains[0].Collector);
        }
        else
        {
            ParallelWork.For(parts, parts, part =>
                Score(weight, leaves, (int)((long)maxDoc * part / parts), (int)((long)maxDoc * (part + 1) / parts), chains[part].Collector));
        }
        return [.. chains.Select(c => c.Result)];
    }

    /// <summary>Feeds the collector the matches among top-level documents [from, to), segment by segment, in order.</summary>
    private static void Score(Weight weight, IList<AtomicReaderContext> leaves, int from, int to, ICollector collector)
    {
        foreach (var leaf in leaves)
        {
            var first = Math.Max(from - leaf.DocBase, 0);
            var end = Math.Min(to - leaf.DocBase, leaf.AtomicReader.MaxDoc);
            if (first >= end)
            {
                continue;
            }
            // A scorer in document order (what the search would use for a collector that needs order).
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }
            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            for (var doc = first == 0 ? scorer.NextDoc() : scorer.Advance(first); doc < end; doc = scorer.NextDoc())
            {
                collector.Collect(doc);
            }
        }
    }
}
