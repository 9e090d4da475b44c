using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>
/// Adds a second query's score to first-pass hits and re-sorts them (what Lucene's QueryRescorer does; its .NET port
/// throws when a segment has no scorer for the second query).
/// </summary>
internal static class WordsRescorer
{
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query rank)
    {
        var weight = searcher.CreateNormalizedWeight(rank);
        var leaves = searcher.IndexReader.Leaves;
        var byDoc = hits.Select(h => new ScoreDoc(h.Doc, h.Score)).OrderBy(h => h.Doc).ToArray();
        var leafIndex = -1;
        var leafEnd = 0;
        var docBase = 0;
        Scorer? scorer = null;
        foreach (var hit in byDoc)
        {
            while (hit.Doc >= leafEnd)
            {
                var leaf = leaves[++leafIndex];
                docBase = leaf.DocBase;
                leafEnd = docBase + leaf.AtomicReader.MaxDoc;
                scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            }
            var target = hit.Doc - docBase;
            if (scorer is not null && scorer.DocID < target)
            {
                scorer.Advance(target);
            }
            if (scorer is not null && scorer.DocID == target)
            {
                hit.Score += scorer.GetScore();
            }
        }
        return [.. byDoc.OrderByDescending(h => h.Score).ThenBy(h => h.Doc)];
    }
}
