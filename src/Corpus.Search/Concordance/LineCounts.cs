using Corpus.Search.Indexing;
using Corpus.Search.Querying;
using Corpus.Search.Timeline;
using Lucene.Net.Index;

namespace Corpus.Search.Concordance;

/// <summary>
/// How many concordance lines each result document holds, counted from the body's exact field without reading a
/// document: the occurrences of the body phrases in the text (leftmost, non-overlapping per phrase), overlapping
/// occurrences of different phrases merged into one line, as <see cref="Highlighting.PhraseLocator"/> merges them.
/// Positions count code points of the folded text and display offsets grow with them, so overlaps are the same in both.
/// </summary>
internal static class LineCounts
{
    private static readonly string[] BodyField = [FieldNames.BodyExact];

    /// <summary>Whether the index can count the lines exactly: phrases only (a pattern is decided on the text), and
    /// a one-character phrase only alone (its pair frequencies give counts, not places to merge overlaps by).</summary>
    public static bool CanCount(IReadOnlyList<Phrase> phrases, bool hasPatterns) =>
        !hasPatterns && phrases.Count > 0 && (phrases.Count == 1 || phrases.All(p => p.CodePoints.Count > 1));

    /// <returns>The lines of each of <paramref name="docs"/> (top-level ids, in any order).</returns>
    public static int[] Count(IndexReader reader, int[] docs, IReadOnlyList<Phrase> phrases)
    {
        var counts = new int[docs.Length];
        var leaves = reader.Leaves;
        var leafIndex = -1;
        PhraseOccurrences[] counters = [];
        var spans = new List<(int Start, int End)>();
        var starts = new List<int>();
        // Positions are read forward only, so documents go in id order.
        foreach (var i in Enumerable.Range(0, docs.Length).OrderBy(i => docs[i]))
        {
            var doc = docs[i];
            if (leafIndex < 0 || doc >= leaves[leafIndex].DocBase + leaves[leafIndex].AtomicReader.MaxDoc)
            {
                leafIndex = ReaderUtil.SubIndex(doc, leaves);
                counters = [.. phrases.Select(p => new PhraseOccurrences(leaves[leafIndex].AtomicReader, p, BodyField))];
            }
            var local = doc - leaves[leafIndex].DocBase;
            counts[i] = counters.Length == 1 ? counters[0].Count(local) : Merged(counters, phrases, local, spans, starts);
        }
        return counts;
    }

    private static int Merged(PhraseOccurrences[] counters, IReadOnlyList<Phrase> phrases, int doc, List<(int Start, int End)> spans, List<int> starts)
    {
        spans.Clear();
        for (var k = 0; k < counters.Length; k++)
        {
            starts.Clear();
            counters[k].AddStarts(doc, starts);
            var length = phrases[k].CodePoints.Count;
            spans.AddRange(starts.Select(s => (s, s + length)));
        }
        spans.Sort();
        var (lines, end) = (0, int.MinValue);
        foreach (var (start, stop) in spans)
        {
            if (start >= end)
            {
                lines++;
            }
            end = Math.Max(end, stop);
        }
        return lines;
    }
}
