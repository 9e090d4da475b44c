using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Lucene.Net.Search;

namespace Corpus.Search.Concordance;

/// <summary>Keyword-in-context lines for every occurrence in the result documents, contexts cut by character offsets.</summary>
internal static class ConcordanceBuilder
{
    private static readonly HashSet<string> Fields = [FieldNames.Id, FieldNames.Title, FieldNames.Date, FieldNames.Text];

    public static ConcordanceResult Build(
        IndexSearcher searcher, IReadOnlyList<(int Doc, float Score)> hits, IReadOnlyList<string> phrases, SearchSort documentOrder,
        ConcordanceSort sort, int context, int limit)
    {
        var documents = hits.Select(h => (h.Doc, h.Score, Stored: searcher.Doc(h.Doc, Fields))).ToList();
        var ordered = documentOrder switch
        {
            SearchSort.Relevance => documents.OrderByDescending(d => d.Score).ThenBy(d => d.Doc),
            SearchSort.Date => documents.OrderByDescending(d => d.Stored.Get(FieldNames.Date) ?? "", StringComparer.Ordinal).ThenBy(d => d.Doc),
            _ => documents.OrderBy(d => d.Stored.Get(FieldNames.Date) ?? "\uffff", StringComparer.Ordinal).ThenBy(d => d.Doc),
        };
        var lines = new List<ConcordanceLine>();
        var total = 0;
        foreach (var (_, _, stored) in ordered)
        {
            var text = stored.Get(FieldNames.Text);
            var spans = PhraseLocator.Locate(text, phrases);
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
