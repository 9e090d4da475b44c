using Corpus.Search.Indexing;
using Corpus.Search.Patterns;

namespace Corpus.Search.Querying;

/// <summary>A literal to find: <see cref="Folded"/> is its width-folded, whitespace-free form, as the index sees it.</summary>
internal sealed record Phrase(PhraseField Field, string Text, string Folded)
{
    private static readonly string[] TitleOrBody = [FieldNames.TitleExact, FieldNames.BodyExact];
    private static readonly string[] TitleOnly = [FieldNames.TitleExact];

    /// <summary>Where it matches: a plain phrase in the title or the body, a <c>title:</c> phrase in the title only.</summary>
    public IReadOnlyList<string> ExactFields => Field == PhraseField.Title ? TitleOnly : TitleOrBody;

    /// <summary>Its characters as the exact field counts positions (one per code point).</summary>
    public IReadOnlyList<string> CodePoints { get; } = Split(Folded);

    /// <summary>
    /// The pairs a phrase of two or more characters is matched by, with their offsets from its start: the
    /// non-overlapping pairs plus the last one (fewest postings to intersect, every character still checked).
    /// </summary>
    public IReadOnlyList<(string Pair, int Offset)> Pairs
    {
        get
        {
            var chars = CodePoints;
            var pairs = new List<(string, int)>();
            for (var k = 0; k + 1 < chars.Count; k += 2)
            {
                pairs.Add((chars[k] + chars[k + 1], k));
            }
            if (chars.Count % 2 == 1 && chars.Count > 1)
            {
                var last = chars.Count - 2;
                pairs.Add((chars[last] + chars[last + 1], last));
            }
            return pairs;
        }
    }

    internal static List<string> Split(string text)
    {
        var result = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            result.Add(text.Substring(i, width));
            i += width - 1;
        }
        return result;
    }

    /// <summary>Set when the term is a pattern (gaps, ?, NEAR): the index finds candidates, the pattern decides.</summary>
    public TextPattern? Pattern { get; init; }
}
