namespace Corpus.Search.Concordance;

/// <summary>
/// Every occurrence of a concordance in its sort order, compactly: the result documents and, per line, which document,
/// where the match starts and how long it is (12 bytes a line; the sort keys are dropped once sorted and recomputed
/// for the few lines a page shows).
/// </summary>
internal sealed class SortedOccurrences(IReadOnlyList<DocumentRef> documents, int[] document, int[] start, int[] length) : ICachedOccurrences
{
    public IReadOnlyList<DocumentRef> Documents { get; } = documents;

    public int Count => document.Length;

    public DocumentRef DocumentOf(int line) => Documents[document[line]];

    public int StartOf(int line) => start[line];

    public int LengthOf(int line) => length[line];

    /// <summary>What holding it costs, roughly, in bytes: the three arrays and the document list.</summary>
    public long Bytes => 12L * Count + 64L * Documents.Count;
}

/// <summary>A concordance's occurrences as <see cref="ConcordanceSortCache"/> holds them.</summary>
internal interface ICachedOccurrences
{
    /// <summary>What holding it costs, roughly, in bytes.</summary>
    long Bytes { get; }
}
