namespace Corpus.Search.Concordance;

/// <summary>
/// The occurrences of a document-order concordance known by count: the result documents in order and where each
/// one's lines begin (counted from the index by <see cref="LineCounts"/>), so a page at any depth finds its documents
/// by a binary search and reads only them. 8 bytes a document, whatever the number of lines.
/// </summary>
internal sealed class CountedOccurrences : ICachedOccurrences
{
    private readonly int[] docs;
    private readonly int[] firstLine;

    /// <param name="docs">Top-level document ids in the concordance's order.</param>
    /// <param name="lines">How many lines each of them holds.</param>
    public CountedOccurrences(int[] docs, int[] lines)
    {
        this.docs = docs;
        firstLine = new int[docs.Length + 1];
        for (var i = 0; i < docs.Length; i++)
        {
            firstLine[i + 1] = checked(firstLine[i] + lines[i]);
        }
    }

    public int Count => firstLine[^1];

    public int Documents => docs.Length;

    public int DocOf(int document) => docs[document];

    public int FirstLineOf(int document) => firstLine[document];

    public int LinesOf(int document) => firstLine[document + 1] - firstLine[document];

    /// <summary>The document holding <paramref name="line"/> (0 ≤ line &lt; <see cref="Count"/>).</summary>
    public int DocumentOf(int line)
    {
        // The last document whose first line is at or before the line: documents without lines are skipped.
        var (low, high) = (0, docs.Length - 1);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (firstLine[middle] <= line)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    public long Bytes => 8L * docs.Length;
}
