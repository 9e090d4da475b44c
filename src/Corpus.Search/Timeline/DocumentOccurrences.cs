using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Corpus.Search.Querying;
using Lucene.Net.Index;

namespace Corpus.Search.Timeline;

/// <summary>
/// A query's occurrences per document of one segment: plain phrases from the index positions
/// (<see cref="PhraseOccurrences"/>), patterns on the stored text (<see cref="PhraseLocator"/>), since the index only
/// finds a pattern's candidates — in the copies' text for a document whose own text holds none (it matched through a
/// copy, as <see cref="SearchHit"/> counts). Documents must be asked in increasing order.
/// </summary>
internal sealed class DocumentOccurrences
{
    private static readonly HashSet<string> TextFields = [FieldNames.Text, FieldNames.Copies];
    private readonly AtomicReader reader;
    private readonly PhraseOccurrences[] counters;
    private readonly IReadOnlyList<TextPattern> patterns;

    public DocumentOccurrences(AtomicReader reader, IReadOnlyList<Phrase> alternatives)
    {
        this.reader = reader;
        counters = [.. alternatives.Where(p => p.Pattern is null).Select(p => new PhraseOccurrences(reader, p))];
        patterns = [.. alternatives.Select(p => p.Pattern).OfType<TextPattern>()];
    }

    public long Count(int doc)
    {
        long total = 0;
        foreach (var counter in counters)
        {
            total += counter.Count(doc);
        }
        if (patterns.Count > 0)
        {
            var stored = reader.Document(doc, TextFields);
            var found = PhraseLocator.Locate(stored.Get(FieldNames.Text) ?? "", [], patterns).Count;
            total += found > 0 || stored.Get(FieldNames.Copies) is null ? found : PhraseLocator.Locate(DocumentMapper.CopiesText(stored), [], patterns).Count;
        }
        return total;
    }
}
