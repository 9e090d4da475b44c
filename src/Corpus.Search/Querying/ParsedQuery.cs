namespace Corpus.Search.Querying;

internal enum PhraseField { Body, Title }

/// <summary>A literal to find: <see cref="Folded"/> is its width-folded, whitespace-free form, as the index sees it.</summary>
internal sealed record Phrase(PhraseField Field, string Text, string Folded);

/// <summary>One required condition: any of <see cref="Alternatives"/> (joined by OR) must match.</summary>
internal sealed record Clause(IReadOnlyList<Phrase> Alternatives);

/// <summary>All <see cref="Required"/> clauses must match and none of <see cref="Excluded"/>; no clauses at all means every document.</summary>
internal sealed record ParsedQuery(IReadOnlyList<Clause> Required, IReadOnlyList<Phrase> Excluded)
{
    public bool MatchesAll => Required.Count == 0;

    /// <summary>The phrases to highlight in the body text.</summary>
    public IEnumerable<string> BodyPhrases =>
        Required.SelectMany(c => c.Alternatives).Where(p => p.Field == PhraseField.Body).Select(p => p.Folded).Distinct(StringComparer.Ordinal);
}
