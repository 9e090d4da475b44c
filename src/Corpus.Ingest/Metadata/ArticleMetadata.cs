namespace Corpus.Ingest.Metadata;

/// <summary>What an article says about itself.</summary>
/// <param name="Date">As stated; a missing year (or month) is filled in later from the source and marked inferred.</param>
/// <param name="DateInferred">Part of <paramref name="Date"/> was taken from outside the article.</param>
/// <param name="Kind">Read off a pattern that means it; null (unknown) when nothing says what the article is.</param>
internal sealed record ArticleMetadata(
    string Title, bool Titled, PartialDate Date, bool DateInferred, string? Venue, string? Kind, string? Speaker);
