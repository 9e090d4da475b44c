using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Timeline;

/// <summary>Passes documents on to <paramref name="inner"/> and adds up their occurrences, counted from the index (<see cref="PhraseOccurrences"/>).</summary>
internal sealed class OccurrenceTotalCollector(ICollector inner, IReadOnlyList<Phrase> phrases) : ICollector
{
    private DocumentOccurrences? counter;

    public long Total { get; private set; }

    // The position readers walk forward only.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        counter!.UseScorers(scorer);
        inner.SetScorer(scorer);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        counter = new DocumentOccurrences(context.AtomicReader, phrases);
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        Total += counter!.Count(doc);
        inner.Collect(doc);
    }
}
