namespace Corpus.Search.Querying;

/// <summary>All <see cref="Required"/> clauses must match and none of <see cref="Excluded"/>; no clauses at all means every document.</summary>
internal sealed record ParsedQuery(IReadOnlyList<Clause> Required, IReadOnlyList<Phrase> Excluded)
{
    public bool MatchesAll => Required.Count == 0;

    /// <summary>The phrases to highlight in the title: all of them (a plain phrase matches the title or the body).</summary>
    public IEnumerable<string> TitlePhrases =>
        Required.SelectMany(c => c.Alternatives).Select(p => p.Folded).Distinct(StringComparer.Ordinal);

    /// <summary>The phrases to highlight in the body text.</summary>
    public IEnumerable<string> BodyPhrases =>
        Required.SelectMany(c => c.Alternatives).Where(p => p.Field == PhraseField.Body).Select(p => p.Folded).Distinct(StringComparer.Ordinal);
}
