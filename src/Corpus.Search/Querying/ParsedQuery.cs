using Corpus.Search.Analysis;
using Corpus.Search.Patterns;

namespace Corpus.Search.Querying;

/// <summary>All <see cref="Required"/> clauses must match and none of <see cref="Excluded"/>; no clauses at all means every document.</summary>
internal sealed record ParsedQuery(IReadOnlyList<Clause> Required, IReadOnlyList<Phrase> Excluded)
{
    public bool MatchesAll => Required.Count == 0;

    /// <summary>The phrases to highlight in the title: all of them (a plain phrase matches the title or the body).</summary>
    public IEnumerable<string> TitlePhrases =>
        Required.SelectMany(c => c.Alternatives).Where(p => p.Pattern is null).Select(p => p.Folded).Distinct(StringComparer.Ordinal);

    /// <summary>The phrases to highlight in the body text.</summary>
    public IEnumerable<string> BodyPhrases => BodyPhraseTerms.Select(p => p.Folded);

    /// <summary>The same phrases as parsed (one of each folded form).</summary>
    public IReadOnlyList<Phrase> BodyPhraseTerms =>
        [.. Required.SelectMany(c => c.Alternatives).Where(p => p.Field == PhraseField.Body && p.Pattern is null).DistinctBy(p => p.Folded, StringComparer.Ordinal)];

    /// <summary>The patterns to highlight in the body text.</summary>
    public IReadOnlyList<TextPattern> BodyPatterns =>
        [.. Required.SelectMany(c => c.Alternatives).Where(p => p.Field == PhraseField.Body).Select(p => p.Pattern).OfType<TextPattern>()];

    /// <summary>True when the index only finds candidates and <see cref="Accepts"/> must check each on its stored text.</summary>
    public bool NeedsVerification => Excluded.Any(p => p.Pattern is not null) || Required.Any(c => c.Alternatives.Any(p => p.Pattern is not null));

    /// <summary>
    /// Whether a candidate satisfies the pattern clauses (clauses of phrases alone the index decided exactly). Folded as
    /// the exact fields fold, so a phrase matches here exactly where the index found it: a body phrase or pattern in the
    /// text or a copy's text (<paramref name="copies"/>, read only when the text does not decide), a plain phrase also
    /// in the title.
    /// </summary>
    public bool Accepts(string title, string text, Func<string> copies)
    {
        string? foldedTitle = null;
        string? foldedText = null;
        string? foldedCopies = null;
        string Title() => foldedTitle ??= WidthFold.FoldForMatching(title);
        string Text() => foldedText ??= WidthFold.FoldForMatching(text);
        string Copies() => foldedCopies ??= WidthFold.FoldForMatching(copies());
        static bool In(Phrase phrase, string folded) => phrase.Pattern is { } pattern
            ? pattern.IsMatch(folded)
            : folded.Contains(phrase.Folded, StringComparison.Ordinal);
        bool Matches(Phrase phrase) => phrase.Field == PhraseField.Title
            ? In(phrase, Title())
            : In(phrase, Text()) || (phrase.Pattern is null && In(phrase, Title())) || In(phrase, Copies());
        return Required.Where(c => c.Alternatives.Any(p => p.Pattern is not null)).All(c => c.Alternatives.Any(Matches))
            && !Excluded.Any(p => p.Pattern is not null && Matches(p));
    }
}
