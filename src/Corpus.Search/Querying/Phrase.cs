using Corpus.Search.Patterns;

namespace Corpus.Search.Querying;

/// <summary>A literal to find: <see cref="Folded"/> is its width-folded, whitespace-free form, as the index sees it.</summary>
internal sealed record Phrase(PhraseField Field, string Text, string Folded)
{
    /// <summary>Set when the term is a pattern (gaps, ?, NEAR): the index finds candidates, the pattern decides.</summary>
    public TextPattern? Pattern { get; init; }
}
