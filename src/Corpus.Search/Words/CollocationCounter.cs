using Corpus.Search.Concordance;
using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Search;

namespace Corpus.Search.Words;

/// <summary>
/// Counts the words within a window of N words on each side of every occurrence (see <see cref="ParagraphWords"/>:
/// the window stays inside the occurrence's paragraph; punctuation is not a word). Past
/// <see cref="CollocationRequest.SampleSize"/> occurrences, exactly that many are counted, evenly spaced over all
/// occurrences in document-id order, so the same request always counts the same occurrences.
/// </summary>
internal static class CollocationCounter
{
    private static readonly HashSet<string> TextOnly = [FieldNames.Text];

    public static (int Occurrences, int Counted, Dictionary<string, int> Counts) Count(
        IndexSearcher searcher, IEnumerable<int> docs, IReadOnlyList<string> phrases, IReadOnlyList<TextPattern> patterns, int window)
    {
        var perDocument = new List<(int Doc, List<HitSpan> Spans)>();
        var occurrences = 0;
        foreach (var document in DocumentOrder.ById(searcher.IndexReader, docs))
        {
            var spans = PhraseLocator.Locate(searcher.Doc(document.Doc, TextOnly).Get(FieldNames.Text), phrases, patterns);
            if (spans.Count > 0)
            {
                perDocument.Add((document.Doc, spans));
                occurrences += spans.Count;
            }
        }
        var sample = Math.Min(occurrences, CollocationRequest.SampleSize);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        long index = 0;
        foreach (var (doc, spans) in perDocument)
        {
            ParagraphWords? words = null;
            foreach (var span in spans)
            {
                // Occurrence i is counted when floor((i+1)·S/T) passes an integer: exactly S of T, evenly spaced.
                var counted = (index + 1) * sample / occurrences > index * sample / occurrences;
                index++;
                if (!counted)
                {
                    continue;
                }
                words ??= new ParagraphWords(searcher.Doc(doc, TextOnly).Get(FieldNames.Text), ParagraphWords.ReachFor(window));
                foreach (var word in words.Before(span.Start, window).Concat(words.After(span.Start + span.Length, window)))
                {
                    counts[word.Text] = counts.GetValueOrDefault(word.Text) + 1;
                }
            }
        }
        return (occurrences, sample, counts);
    }
}
