using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>What reading one file gave: its articles, or the reason it was skipped; and the text left out of them.</summary>
internal sealed record IngestedFile(
    string File, long Bytes, string ContentHash, IReadOnlyList<ArticleCopy> Articles, string? SkipReason, IReadOnlyList<DroppedText> Dropped)
{
    /// <summary>Characters of the decoded text (0 when it could not be decoded).</summary>
    public long Characters { get; init; }

    /// <summary>Sentences of the decoded text in no article and not recorded as dropped (<see cref="NoLossCheck"/>).</summary>
    public IReadOnlyList<string> Unaccounted { get; init; } = [];
}
