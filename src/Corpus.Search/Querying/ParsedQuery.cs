using Corpus.Search.Analysis;
using Corpus.Search.Patterns;

namespace Corpus.Search.Querying;

/// <summary>All <see cref="Required"/> clauses must match and none of <see cref="Excluded"/>; no clauses at all means every document.</summary>
internal sealed record ParsedQuery(IReadOnlyList<Clause> Required, IReadOnlyList<Phrase> Excluded)
{
    public bool MatchesAll => Required.Count == 0;

    /// <summary>The phrases to highlight in the body text.</summary>
    public IEnumerable<string> BodyPhrases =>
        Required.SelectMany(c => c.Alternatives).Where(p => p.Field == PhraseField.Body && p.Pattern is null).Select(p => p.Folded).Distinct(StringComparer.Ordinal);

    /// <summary>The patterns to highlight in the body text.</summary>
    public IReadOnlyList<TextPattern> BodyPatterns =>
        [.. Required.SelectMany(c => c.Alternatives).Where(p => p.Field == PhraseField.Body).Select(p => p.Pattern).OfType<TextPattern>()];

    /// <summary>True when the index only finds candidates and <see cref="Accepts"/> must check each on its stored text.</summary>
    public bool NeedsVerification => Excluded.Any(p => p.Pattern is not null) || Required.Any(c => c.Alternatives.Any(p => p.Pattern is not null));

    /// <summary>
    /// Whether a candidate's title and text satisfy the pattern clauses (clauses of phrases alone the index decided
    /// exactly). Folded as the exact field folds, so a phrase matches here exactly where the index found it.
    /// </summary>
    public bool Accepts(string title, string text)
    {
        string? foldedTitle = null;
        string? foldedText = null;
        string Folded(PhraseField field) => field == PhraseField.Body
            ? foldedText ??= WidthFold.FoldForMatching(text)
            : foldedTitle ??= WidthFold.FoldForMatching(title);
        bool Matches(Phrase phrase) => phrase.Pattern is { } pattern
            ? pattern.IsMatch(Folded(phrase.Field))
            : Folded(phrase.Field).Contains(phrase.Folded, StringComparison.Ordinal);
        return Required.Where(c => c.Alternatives.Any(p => p.Pattern is not null)).All(c => c.Alternatives.Any(Matches))
            && !Excluded.Any(p => p.Pattern is not null && Matches(p));
    }
}
