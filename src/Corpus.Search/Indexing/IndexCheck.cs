namespace Corpus.Search.Indexing;

/// <summary>What <see cref="CorpusIndex.Verify"/> found in the index folder.</summary>
public enum IndexCondition { Missing, Intact, Damaged }

/// <param name="Problem">For a damaged index: the first failure, naming the file when Lucene does.</param>
public sealed record IndexCheck(IndexCondition Condition, string? Problem = null);
