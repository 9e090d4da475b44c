using System.Text;
using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Timeline;

/// <summary>
/// The occurrences the match query's own scorers counted while matching, so that adding up a search's occurrences
/// does not read the positions a second time. A phrase's scorer counts every place where all its pairs line up
/// (Lucene's phrase frequency; a one-pair phrase's term frequency); that is the leftmost non-overlapping count of
/// <see cref="PhraseOccurrences"/> exactly when two occurrences of the phrase cannot overlap, which is when no proper
/// prefix of it is also a suffix. Only such phrases are counted here, and only where their scorer was found.
/// </summary>
internal sealed class ScorerCounts
{
    private readonly Dictionary<string, Scorer> leaves;

    private ScorerCounts(Dictionary<string, Scorer> leaves) => this.leaves = leaves;

    /// <summary>The phrase and exact-field scorers under <paramref name="top"/> (the scorer a collector is given), by
    /// what they match; excluded clauses are left out.</summary>
    public static ScorerCounts Of(Scorer top)
    {
        var leaves = new Dictionary<string, Scorer>(StringComparer.Ordinal);
        Visit(top, leaves);
        return new ScorerCounts(leaves);
    }

    /// <summary>The scorer that counts the phrase's occurrences in <paramref name="field"/>: on a document it is
    /// positioned on, its frequency; on any other, none. Null when the count cannot be taken from a scorer (a phrase that
    /// can overlap itself, one character, a pattern, no scorer found).</summary>
    public Scorer? Find(Phrase phrase, string field) =>
        Countable(phrase) && leaves.TryGetValue(Signature(field, phrase.Pairs), out var scorer) ? scorer : null;

    /// <summary>Two or more characters, no pattern, and no proper prefix that is also a suffix.</summary>
    public static bool Countable(Phrase phrase) => phrase.Pattern is null && phrase.CodePoints.Count >= 2 && !HasBorder(phrase.CodePoints);

    private static bool HasBorder(IReadOnlyList<string> chars)
    {
        // The prefix function's last value is the longest proper prefix that is also a suffix.
        var longest = new int[chars.Count];
        for (var i = 1; i < chars.Count; i++)
        {
            var k = longest[i - 1];
            while (k > 0 && chars[i] != chars[k])
            {
                k = longest[k - 1];
            }
            longest[i] = chars[i] == chars[k] ? k + 1 : k;
        }
        return longest[^1] > 0;
    }

    private static void Visit(Scorer scorer, Dictionary<string, Scorer> leaves)
    {
        var signature = scorer.Weight?.Query switch
        {
            PhraseQuery phrase => Signature(phrase.GetTerms(), phrase.GetPositions()),
            TermQuery term => Signature([term.Term], [0]),
            _ => null,
        };
        if (signature is not null)
        {
            leaves.TryAdd(signature, scorer);
            return;
        }
        foreach (var child in scorer.GetChildren())
        {
            if (child.Relationship != "MUST_NOT")
            {
                Visit(child.Child, leaves);
            }
        }
    }

    private static string? Signature(Term[] terms, int[] positions)
    {
        if (terms.Length == 0 || terms.Length != positions.Length)
        {
            return null;
        }
        var field = terms[0].Field;
        if (terms.Any(t => t.Field != field))
        {
            return null;
        }
        return Signature(field, [.. terms.Select((t, i) => (t.Text, positions[i]))]);
    }

    private static string Signature(string field, IReadOnlyList<(string Pair, int Offset)> pairs)
    {
        var key = new StringBuilder(field);
        foreach (var (pair, offset) in pairs)
        {
            key.Append('\u0001').Append(pair).Append('\u0002').Append(offset);
        }
        return key.ToString();
    }
}
