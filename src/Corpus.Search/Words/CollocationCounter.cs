using System.Collections.Concurrent;
using Corpus.Search.Concordance;
using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Search;

namespace Corpus.Search.Words;

/// <summary>
/// Counts the words within a window of N words on each side of every occurrence (see <see cref="DocumentWords"/>:
/// the window stays inside the occurrence's paragraph; punctuation is not a word). Past
/// <see cref="CollocationRequest.SampleSize"/> occurrences, exactly that many are counted, evenly spaced over all
/// occurrences in the concordance's document order (or, for a concordance too large to hold, in document-id order),
/// so the same request always counts the same occurrences. Only documents holding a counted occurrence are read.
/// </summary>
internal static class CollocationCounter
{
    private static readonly HashSet<string> TextOnly = [FieldNames.Text];

    /// <summary>
    /// Over a document order whose lines the index counted: only the documents holding a counted occurrence are read,
    /// in parallel (reading stored texts is most of the cost; the counts add up the same in any order). Null when a
    /// text holds another number of occurrences than counted (the caller then finds them in the texts).
    /// </summary>
    public static (int Occurrences, int Counted, Dictionary<string, int> Counts)? Count(IndexSearcher searcher, CountedOccurrences occurrences, IReadOnlyList<string> phrases, int window)
    {
        var total = occurrences.Count;
        var sample = Math.Min(total, CollocationRequest.SampleSize);
        var toRead = Enumerable.Range(0, occurrences.Documents)
            .Where(d => occurrences.LinesOf(d) > 0 && AnyCounted(occurrences.FirstLineOf(d), occurrences.FirstLineOf(d) + occurrences.LinesOf(d), sample, total))
            .ToArray();
        var parts = new List<Dictionary<string, int>>();
        var disagree = false;
        if (toRead.Length == 0)
        {
            return (total, sample, []);
        }
        Parallel.ForEach(
            Partitioner.Create(0, toRead.Length, Math.Max(64, toRead.Length / (4 * Environment.ProcessorCount) + 1)),
            () => (Counts: new Dictionary<string, int>(StringComparer.Ordinal), Words: new IndexedWords(searcher.IndexReader)),
            (range, state, local) =>
            {
                for (var i = range.Item1; i < range.Item2 && !state.IsStopped; i++)
                {
                    var d = toRead[i];
                    var (first, lines, doc) = (occurrences.FirstLineOf(d), occurrences.LinesOf(d), occurrences.DocOf(d));
                    var text = DocumentMapper.TextOf(searcher.Doc(doc, TextOnly));
                    var spans = PhraseLocator.Locate(text, phrases);
                    if (spans.Count != lines)
                    {
                        disagree = true;
                        state.Stop();
                        break;
                    }
                    var words = local.Words.Of(doc, text);
                    for (var k = 0; k < lines; k++)
                    {
                        if (AnyCounted(first + k, first + k + 1, sample, total))
                        {
                            AddWindow(local.Counts, words, spans[k], window);
                        }
                    }
                }
                return local;
            },
            local =>
            {
                lock (parts)
                {
                    parts.Add(local.Counts);
                }
            });
        if (disagree)
        {
            return null;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, count) in parts.SelectMany(p => p))
        {
            counts[word] = counts.GetValueOrDefault(word) + count;
        }
        return (total, sample, counts);
    }

    /// <summary>Over the occurrences already found (the cached document-order concordance).</summary>
    public static (int Occurrences, int Counted, Dictionary<string, int> Counts) Count(IndexSearcher searcher, SortedOccurrences occurrences, int window) =>
        CountWindows(searcher, ByDocument(occurrences), occurrences.Count, window);

    /// <summary>Finds the occurrences in every result document first, for a concordance too large to cache.</summary>
    public static (int Occurrences, int Counted, Dictionary<string, int> Counts) Count(
        IndexSearcher searcher, IEnumerable<int> docs, IReadOnlyList<string> phrases, IReadOnlyList<TextPattern> patterns, int window)
    {
        var perDocument = new List<(int Doc, IEnumerable<HitSpan> Spans)>();
        var occurrences = 0;
        foreach (var document in DocumentOrder.ById(searcher.IndexReader, docs))
        {
            var spans = PhraseLocator.Locate(DocumentMapper.TextOf(searcher.Doc(document.Doc, TextOnly)), phrases, patterns);
            if (spans.Count > 0)
            {
                perDocument.Add((document.Doc, spans));
                occurrences += spans.Count;
            }
        }
        return CountWindows(searcher, perDocument, occurrences, window);
    }

    private static (int Occurrences, int Counted, Dictionary<string, int> Counts) CountWindows(
        IndexSearcher searcher, IEnumerable<(int Doc, IEnumerable<HitSpan> Spans)> perDocument, int occurrences, int window)
    {
        var sample = Math.Min(occurrences, CollocationRequest.SampleSize);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        long index = 0;
        var indexed = new IndexedWords(searcher.IndexReader);
        foreach (var (doc, spans) in perDocument)
        {
            DocumentWords? words = null;
            foreach (var span in spans)
            {
                var counted = AnyCounted(index, index + 1, sample, occurrences);
                index++;
                if (!counted)
                {
                    continue;
                }
                words ??= indexed.Of(doc, DocumentMapper.TextOf(searcher.Doc(doc, TextOnly)));
                AddWindow(counts, words, span, window);
            }
        }
        return (occurrences, sample, counts);
    }

    /// <summary>Whether any occurrence in [from, to) is counted: occurrence i is when floor((i+1)·S/T) passes an
    /// integer, so exactly S of T are, evenly spaced.</summary>
    private static bool AnyCounted(long from, long to, long sample, long total) => to * sample / total > from * sample / total;

    private static void AddWindow(Dictionary<string, int> counts, DocumentWords words, HitSpan span, int window)
    {
        foreach (var word in words.Before(span.Start, window).Concat(words.After(span.Start + span.Length, window)))
        {
            counts[word.Text] = counts.GetValueOrDefault(word.Text) + 1;
        }
    }

    /// <summary>The lines of a document-order concordance, grouped by document (each document's lines are adjacent).</summary>
    private static IEnumerable<(int Doc, IEnumerable<HitSpan> Spans)> ByDocument(SortedOccurrences occurrences)
    {
        var first = 0;
        for (var line = 1; line <= occurrences.Count; line++)
        {
            if (line == occurrences.Count || occurrences.DocOf(line) != occurrences.DocOf(first))
            {
                var (from, to) = (first, line);
                yield return (occurrences.DocOf(from), Enumerable.Range(from, to - from).Select(l => new HitSpan(occurrences.StartOf(l), occurrences.LengthOf(l))));
                first = line;
            }
        }
    }
}
