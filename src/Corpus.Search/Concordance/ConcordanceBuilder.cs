using Corpus.Search.Facets;
using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Search;

namespace Corpus.Search.Concordance;

/// <summary>Keyword-in-context lines for every occurrence in the result documents, contexts cut by character offsets.</summary>
internal static class ConcordanceBuilder
{
    private static readonly HashSet<string> Fields = [FieldNames.Id, FieldNames.Title, FieldNames.Date, FieldNames.Text];

    public static ConcordanceResult Build(
        IndexSearcher searcher, IReadOnlyList<(int Doc, float Score)> hits, IReadOnlyList<string> phrases, SearchSort documentOrder,
        ConcordanceSort sort, int context, int limit, IReadOnlyList<TextPattern>? patterns = null)
    {
        // Order by score or date key first and read each document's stored fields only in the loop, so a phrase found in
        // most of the corpus never holds all its texts in memory at once.
        var dates = DateKeys.For(searcher.IndexReader);
        var leaves = searcher.IndexReader.Leaves;
        var ordered = documentOrder switch
        {
            SearchSort.Relevance => hits.OrderByDescending(h => h.Score).ThenBy(h => h.Doc),
            // A date key of 0 (no date) sorts last either way.
            SearchSort.Date => hits.OrderByDescending(h => dates.ForDocument(leaves, h.Doc)).ThenBy(h => h.Doc),
            _ => hits.OrderBy(h => dates.ForDocument(leaves, h.Doc) is var key and > 0 ? key : int.MaxValue).ThenBy(h => h.Doc),
        };
        var lines = new List<ConcordanceLine>();
        var total = 0;
        foreach (var (doc, _) in ordered)
        {
            var stored = searcher.Doc(doc, Fields);
            var text = stored.Get(FieldNames.Text);
            var spans = PhraseLocator.Locate(text, phrases, patterns);
            total += spans.Count;
            // In document order the first `limit` lines are the answer; the other orders must see every line.
            if (sort == ConcordanceSort.Document && lines.Count >= limit)
            {
                continue;
            }
            var id = stored.Get(FieldNames.Id);
            var title = stored.Get(FieldNames.Title);
            var date = DocumentMapper.ParseDate(stored.Get(FieldNames.Date));
            foreach (var span in spans)
            {
                var end = span.Start + span.Length;
                var left = Math.Max(0, span.Start - context);
                lines.Add(new ConcordanceLine(
                    id, title, date, Flat(text[left..span.Start]), Flat(text[span.Start..end]),
                    Flat(text[end..Math.Min(text.Length, end + context)]), span.Start));
            }
        }
        IEnumerable<ConcordanceLine> sorted = sort switch
        {
            ConcordanceSort.Left => lines.OrderBy(l => Reverse(l.Left), StringComparer.Ordinal),
            ConcordanceSort.Right => lines.OrderBy(l => l.Right, StringComparer.Ordinal),
            _ => lines,
        };
        return new ConcordanceResult(total, [.. sorted.Take(limit)], total > limit);
    }

    /// <summary>Contexts are one line: paragraph breaks show as spaces (same length, so offsets still hold).</summary>
    private static string Flat(string text) => text.Replace('\n', ' ');

    /// <summary>Left contexts sort by the characters nearest the match first, as concordancers do.</summary>
    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
