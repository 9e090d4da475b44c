namespace Corpus.Search.Indexing;

/// <summary>What one <see cref="CorpusIndex.Replace"/> wrote.</summary>
/// <param name="Afresh">True when the commit was written from scratch (no index, a damaged one, another build's).</param>
/// <param name="Written">Documents added or rewritten (their revision changed).</param>
/// <param name="Deleted">Documents removed because the corpus no longer holds them.</param>
public sealed record IndexChanges(bool Afresh, int Written, int Deleted);
