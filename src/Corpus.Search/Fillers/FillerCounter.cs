using Corpus.Search.Analysis;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Search;

namespace Corpus.Search.Fillers;

/// <summary>Counts the distinct fillers of a pattern's slots over result documents, from their stored text.</summary>
internal static class FillerCounter
{
    private static readonly HashSet<string> Fields = [FieldNames.Text];

    public static FillerTable Count(IndexSearcher searcher, IEnumerable<int> docs, TextPattern pattern, string query, FillerSort sort, int limit)
    {
        var counts = new Dictionary<string, (string Match, int Occurrences, int Documents)>(StringComparer.Ordinal);
        var inDocument = new HashSet<string>(StringComparer.Ordinal);
        var (documents, occurrences) = (0, 0);
        foreach (var doc in docs)
        {
            var folded = WidthFold.FoldForMatching(searcher.Doc(doc, Fields).Get(FieldNames.Text));
            var matches = pattern.Matches(folded);
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
                var filler = TextPattern.Filler(match);
                var (_, occ, docCount) = counts.GetValueOrDefault(filler);
                counts[filler] = (match.Value, occ + 1, inDocument.Add(filler) ? docCount + 1 : docCount);
            }
        }
        var ordered = sort switch
        {
            FillerSort.Documents => counts.OrderByDescending(c => c.Value.Documents).ThenByDescending(c => c.Value.Occurrences),
            FillerSort.Filler => counts.OrderBy(c => c.Key, StringComparer.Ordinal),
            _ => counts.OrderByDescending(c => c.Value.Occurrences).ThenByDescending(c => c.Value.Documents),
        };
        var rows = ordered.ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit)
            .Select(c => new FillerRow(c.Key, c.Value.Match, c.Value.Occurrences, c.Value.Documents, Filled(query, pattern, c.Value.Match)))
            .ToList();
        return new FillerTable(pattern.Source, documents, occurrences, counts.Count, rows, counts.Count > rows.Count);
    }

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
