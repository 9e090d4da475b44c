using Corpus.Search.Analysis;
using Corpus.Search.Patterns;

namespace Corpus.Search.Highlighting;

/// <summary>
/// Finds the literal occurrences of phrases in a display text the way the exact field matches them: on the
/// width-folded text without ignorable whitespace, mapped back to display offsets. Since a match is by design a
/// literal occurrence, this is exact, and it costs microseconds per document.
/// </summary>
internal static class PhraseLocator
{
    /// <summary>
    /// Occurrences of every phrase and pattern (leftmost, non-overlapping per phrase or pattern; a pattern's match is one
    /// span from its first to its last character), overlaps between them merged, in text order.
    /// </summary>
    public static List<HitSpan> Locate(string text, IEnumerable<string> foldedPhrases, IReadOnlyList<TextPattern>? patterns = null)
    {
        var phrases = foldedPhrases.Where(p => p.Length > 0).ToList();
        patterns ??= [];
        if ((phrases.Count == 0 && patterns.Count == 0) || text.Length == 0)
        {
            return [];
        }
        var folded = WidthFold.FoldForMatching(text, out var map);
        var found = new List<(int Start, int End)>();
        foreach (var phrase in phrases)
        {
            var at = folded.IndexOf(phrase, StringComparison.Ordinal);
            while (at >= 0)
            {
                // Display span from the first to the last matched char: whitespace inside a match belongs to it.
                found.Add((map[at], map[at + phrase.Length - 1] + 1));
                at = at + phrase.Length < folded.Length ? folded.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal) : -1;
            }
        }
        foreach (var pattern in patterns)
        {
            foreach (var match in pattern.Matches(folded))
            {
                found.Add((map[match.Index], map[match.Index + match.Length - 1] + 1));
            }
        }
        found.Sort();
        var spans = new List<HitSpan>(found.Count);
        var (start, end) = (-1, -1);
        foreach (var (s, e) in found)
        {
            if (s < end)
            {
                end = Math.Max(end, e);
                continue;
            }
            if (end > start)
            {
                spans.Add(new HitSpan(start, end - start));
            }
            (start, end) = (s, e);
        }
        if (end > start)
        {
            spans.Add(new HitSpan(start, end - start));
        }
        return spans;
    }
}
