using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Corpus.Search.Querying;
using Lucene.Net.Index;

namespace Corpus.Search.Timeline;

/// <summary>
/// A query's occurrences per document of one segment: plain phrases from the index positions
/// (<see cref="PhraseOccurrences"/>), patterns on the stored text (<see cref="PhraseLocator"/>), since the index only
/// finds a pattern's candidates. Documents must be asked in increasing order.
/// </summary>
internal sealed class DocumentOccurrences
{
    private static readonly HashSet<string> TextField = [FieldNames.Text];
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
            var text = reader.Document(doc, TextField).Get(FieldNames.Text) ?? "";
            total += PhraseLocator.Locate(text, [], patterns).Count;
        }
        return total;
    }
}
