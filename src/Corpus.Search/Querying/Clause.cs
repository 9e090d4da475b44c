namespace Corpus.Search.Querying;

/// <summary>One required condition: any of <see cref="Alternatives"/> (joined by OR) must match.</summary>
internal sealed record Clause(IReadOnlyList<Phrase> Alternatives);
