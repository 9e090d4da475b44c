using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Corpus.Search.Timeline;

/// <summary>
/// A phrase's literal occurrences per document of one segment, read from the exact fields' positions instead of the
/// stored text: a start counts where every pair of the phrase sits at its offset, and starts closer than the
/// phrase's length to the previous counted one are skipped (leftmost, non-overlapping, as grep -o counts). A single
/// character is the sum of the frequencies of the pairs it starts. Documents must be asked in increasing order.
/// </summary>
internal sealed class PhraseOccurrences
{
    private readonly int length;
    private readonly List<FieldPositions> fields = [];
    private readonly List<int[]> singleCharCounts = [];

    /// <param name="inFields">The exact fields to count in (the title, the text or the copies).</param>
    public PhraseOccurrences(AtomicReader reader, Phrase phrase, IEnumerable<string> inFields)
    {
        length = phrase.CodePoints.Count;
        foreach (var field in inFields)
        {
            if (length == 1)
            {
                singleCharCounts.Add(PrefixFrequencies(reader, field, phrase.CodePoints[0]));
                continue;
            }
            var pairs = phrase.Pairs;
            var enums = new DocsAndPositionsEnum[pairs.Count];
            var missing = false;
            for (var i = 0; i < pairs.Count; i++)
            {
                var positions = reader.GetTermPositionsEnum(new Term(field, pairs[i].Pair));
                if (positions is null)
                {
                    missing = true;
                    break;
                }
                enums[i] = positions;
            }
            if (!missing)
            {
                fields.Add(new FieldPositions(enums, [.. pairs.Select(p => p.Offset)]));
            }
        }
    }

    public int Count(int doc)
    {
        var count = 0;
        foreach (var counts in singleCharCounts)
        {
            count += counts[doc];
        }
        foreach (var field in fields)
        {
            count += field.Count(doc, length, null);
        }
        return count;
    }

    /// <summary>Where the counted occurrences start (positions, one per code point of the folded text), added to
    /// <paramref name="starts"/> in order; only for a phrase of two or more characters, whose pairs have positions.</summary>
    public void AddStarts(int doc, List<int> starts)
    {
        if (length < 2)
        {
            throw new InvalidOperationException("A one-character phrase is counted from pair frequencies, without positions.");
        }
        foreach (var field in fields)
        {
            field.Count(doc, length, starts);
        }
    }

    private static int[] PrefixFrequencies(AtomicReader reader, string field, string character)
    {
        var counts = new int[reader.MaxDoc];
        var terms = reader.GetTerms(field);
        if (terms is null)
        {
            return counts;
        }
        var prefix = new BytesRef(character);
        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return counts;
        }
        DocsEnum? docs = null;
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, prefix))
            {
                break;
            }
            docs = termsEnum.Docs(reader.LiveDocs, docs, DocsFlags.FREQS);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                counts[doc] += docs.Freq;
            }
        }
        while (termsEnum.MoveNext());
        return counts;
    }

    /// <summary>The pairs of a phrase in one field, each with its postings and its offset from the phrase's start.</summary>
    private sealed class FieldPositions(DocsAndPositionsEnum[] enums, int[] offsets)
    {
        private readonly int[][] positions = [.. enums.Select(_ => new int[16])];

        public int Count(int doc, int length, List<int>? starts)
        {
            for (var i = 0; i < enums.Length; i++)
            {
                if (enums[i].DocID < doc)
                {
                    enums[i].Advance(doc);
                }
                if (enums[i].DocID != doc)
                {
                    return 0;
                }
            }
            var counts = new int[enums.Length];
            for (var i = 0; i < enums.Length; i++)
            {
                var freq = enums[i].Freq;
                if (positions[i].Length < freq)
                {
                    positions[i] = new int[Math.Max(freq, positions[i].Length * 2)];
                }
                for (var k = 0; k < freq; k++)
                {
                    positions[i][k] = enums[i].NextPosition();
                }
                counts[i] = freq;
            }
            // Walk the first pair's positions (offset 0); the others are sorted too, so one cursor each suffices.
            var cursors = new int[enums.Length];
            var occurrences = 0;
            var nextFree = int.MinValue;
            for (var k = 0; k < counts[0]; k++)
            {
                var start = positions[0][k];
                if (start < nextFree || !AllAligned(start, cursors, counts))
                {
                    continue;
                }
                occurrences++;
                starts?.Add(start);
                nextFree = start + length;
            }
            return occurrences;
        }

        private bool AllAligned(int start, int[] cursors, int[] counts)
        {
            for (var i = 1; i < enums.Length; i++)
            {
                var wanted = start + offsets[i];
                var list = positions[i];
                while (cursors[i] < counts[i] && list[cursors[i]] < wanted)
                {
                    cursors[i]++;
                }
                if (cursors[i] >= counts[i] || list[cursors[i]] != wanted)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
