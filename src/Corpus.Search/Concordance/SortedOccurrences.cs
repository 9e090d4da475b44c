namespace Corpus.Search.Concordance;

/// <summary>
/// Every occurrence of a concordance in its sort order, compactly: per line, which document (its top-level id; date
/// and id are looked up for the few lines a page shows), where the match starts and how long it is (8 bytes a line
/// when every match has the same length, as a plain phrase's do, else 12; the sort keys are dropped once sorted and
/// recomputed for the few lines a page shows).
/// </summary>
internal sealed class SortedOccurrences : ICachedOccurrences
{
    private readonly int[] document;
    private readonly int[] start;
    private readonly int[]? lengths;
    private readonly int length;

    public SortedOccurrences(int[] document, int[] start, int[] length)
    {
        this.document = document;
        this.start = start;
        if (length.Length > 0 && length.All(l => l == length[0]))
        {
            this.length = length[0];
        }
        else
        {
            lengths = length;
        }
    }

    public int Count => document.Length;

    /// <summary>The top-level id of the line's document.</summary>
    public int DocOf(int line) => document[line];

    public int StartOf(int line) => start[line];

    public int LengthOf(int line) => lengths?[line] ?? length;

    /// <summary>What holding it costs, roughly, in bytes: the arrays.</summary>
    public long Bytes => (lengths is null ? 8L : 12L) * Count;
}

/// <summary>A concordance's occurrences as <see cref="ConcordanceSortCache"/> holds them.</summary>
internal interface ICachedOccurrences
{
    /// <summary>What holding it costs, roughly, in bytes.</summary>
    long Bytes { get; }
}
