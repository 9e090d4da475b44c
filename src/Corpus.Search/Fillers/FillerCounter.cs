using Corpus.Search.Analysis;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Search;

namespace Corpus.Search.Fillers;

/// <summary>
/// Counts the distinct fillers of a pattern's slots over result documents, from their stored text — or their copies'
/// text, for a document that matched through a copy (as its occurrences are counted).
/// </summary>
internal static class FillerCounter
{
    private static readonly HashSet<string> Fields = [FieldNames.Text, FieldNames.Copies];

    public static FillerTable Count(IndexSearcher searcher, IEnumerable<int> docs, TextPattern pattern, string query, FillerSort sort, int limit)
    {
        var counts = new Dictionary<string, (string Filler, string Match, string Folded, int Occurrences, int Documents)>(StringComparer.Ordinal);
        var inDocument = new HashSet<string>(StringComparer.Ordinal);
        var (documents, occurrences) = (0, 0);
        foreach (var doc in docs)
        {
            var stored = searcher.Doc(doc, Fields);
            var text = DocumentMapper.TextOf(stored);
            var folded = WidthFold.FoldForMatching(text, out var map);
            var matches = pattern.Matches(folded);
            if (matches.Count == 0 && stored.Get(FieldNames.Copies) is not null)
            {
                text = DocumentMapper.CopiesText(stored);
                folded = WidthFold.FoldForMatching(text, out map);
                matches = pattern.Matches(folded);
            }
            // A document can be a result through another alternative of an OR without the pattern in it.
            if (matches.Count == 0)
            {
                continue;
            }
            documents++;
            inDocument.Clear();
            foreach (var match in matches)
            {
                occurrences++;
                // Counted by folded form (， and , are one filler), shown as first written.
                var filler = TextPattern.Filler(match);
                counts[filler] = counts.TryGetValue(filler, out var seen)
                    ? seen with { Occurrences = seen.Occurrences + 1, Documents = inDocument.Add(filler) ? seen.Documents + 1 : seen.Documents }
                    : (Display(text, map, match.Groups.Values.Skip(1)), Display(text, map, [match]), match.Value, 1, inDocument.Add(filler) ? 1 : 0);
            }
        }
        var ordered = sort switch
        {
            FillerSort.Documents => counts.OrderByDescending(c => c.Value.Documents).ThenByDescending(c => c.Value.Occurrences),
            FillerSort.Filler => counts.OrderBy(c => c.Value.Filler, StringComparer.Ordinal),
            _ => counts.OrderByDescending(c => c.Value.Occurrences).ThenByDescending(c => c.Value.Documents),
        };
        var rows = ordered.ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit)
            .Select(c => new FillerRow(c.Value.Filler, c.Value.Match, c.Value.Occurrences, c.Value.Documents, Filled(query, pattern, c.Value.Folded)))
            .ToList();
        return new FillerTable(pattern.Source, documents, occurrences, counts.Count, rows, counts.Count > rows.Count);
    }

    /// <summary>The display text of matched groups (from their first to their last character), joined as <see cref="TextPattern.Filler"/> joins them.</summary>
    private static string Display(string text, int[] map, IEnumerable<System.Text.RegularExpressions.Group> groups) =>
        string.Join(" … ", groups.Select(g => g.Length == 0 ? "" : text[map[g.Index]..(map[g.Index + g.Length - 1] + 1)]));

    /// <summary>
    /// The query with the pattern term replaced by the matched text as a quoted phrase (where * and ? are text), or
    /// with those escaped when the text itself holds a quote.
    /// </summary>
    internal static string Filled(string query, TextPattern pattern, string match)
    {
        var phrase = match.Contains('"', StringComparison.Ordinal)
            ? string.Concat(match.Select(c => c is '*' or '?' or '\\' ? "\\" + c : c.ToString()))
            : $"\"{match}\"";
        var at = query.IndexOf(pattern.Source, StringComparison.Ordinal);
        return at < 0 ? phrase : string.Concat(query.AsSpan(0, at), phrase, query.AsSpan(at + pattern.Source.Length));
    }
}
