using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>
/// Adds a second query's score to first-pass hits and re-sorts them (what Lucene's QueryRescorer does; its .NET port
/// throws when a segment has no scorer for the second query).
/// </summary>
internal static class WordsRescorer
{
    /// <param name="threads">How many segments are scored at once (each segment's hits on one thread).</param>
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query rank, int threads)
    {
        var weight = searcher.CreateNormalizedWeight(rank);
        var leaves = searcher.IndexReader.Leaves;
        var rescored = hits.Select(h => new ScoreDoc(h.Doc, h.Score)).ToArray();
        var bySegment = rescored.GroupBy(h => ReaderUtil.SubIndex(h.Doc, leaves)).ToArray();
        ParallelWork.For(bySegment.Length, threads, i =>
        {
            var leaf = leaves[bySegment[i].Key];
            // Advancing a scorer needs its documents in increasing order.
            AddScores(weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs), bySegment[i].OrderBy(h => h.Doc), leaf.DocBase);
        });
        return [.. rescored.OrderByDescending(h => h.Score).ThenBy(h => h.Doc)];
    }

    private static void AddScores(Scorer? scorer, IEnumerable<ScoreDoc> hits, int docBase)
    {
        if (scorer is null)
        {
            return;
        }
        foreach (var hit in hits)
        {
            var target = hit.Doc - docBase;
            if (scorer.DocID < target)
            {
                scorer.Advance(target);
            }
            if (scorer.DocID == target)
            {
                hit.Score += scorer.GetScore();
            }
        }
    }
}
