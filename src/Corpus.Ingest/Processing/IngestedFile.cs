using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>What reading one file gave: its articles, or the reason it was skipped; and the text left out of them.</summary>
internal sealed record IngestedFile(
    string File, long Bytes, string ContentHash, IReadOnlyList<ArticleCopy> Articles, string? SkipReason, IReadOnlyList<DroppedText> Dropped);
