namespace Corpus.Ingest.Processing;

/// <summary>What reading one file gave: its articles, or the reason it was skipped.</summary>
internal sealed record IngestedFile(string File, long Bytes, string ContentHash, IReadOnlyList<ArticleCopy> Articles, string? SkipReason);
