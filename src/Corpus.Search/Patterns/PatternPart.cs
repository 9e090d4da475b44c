namespace Corpus.Search.Patterns;

/// <summary>One piece of a pattern as parsed: literal text, one wildcard character, or a gap.</summary>
internal abstract record PatternPart;

/// <param name="Folded">Width-folded, as the text it is matched against.</param>
internal sealed record LiteralPart(string Folded) : PatternPart;

/// <summary><c>?</c>: exactly one character within the sentence.</summary>
internal sealed record AnyCharPart : PatternPart;

/// <summary><c>*</c> or <c>*N</c>: zero to <paramref name="Max"/> characters within the sentence.</summary>
internal sealed record GapPart(int Max) : PatternPart;
