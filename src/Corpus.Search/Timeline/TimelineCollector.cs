using Corpus.Search.Facets;
using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Timeline;

/// <summary>Adds each matching, accepted, dated document and its occurrences (counted from the index) to its period.</summary>
internal sealed class TimelineCollector(
    ResultFilter filter, FacetOrdinals venues, FacetOrdinals kinds, DateKeys dateKeys, Periods periods, IReadOnlyList<Phrase> phrases)
    : ICollector
{
    private int[] dates = [];
    private int[] venueOrds = [];
    private int[] kindOrds = [];
    private DocumentOccurrences? counter;

    public int[] Documents { get; } = new int[periods.Count];

    public long[] Occurrences { get; } = new long[periods.Count];

    // The position readers walk forward only.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => counter!.UseScorers(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        dates = dateKeys.ForSegment(context);
        venueOrds = venues.ForSegment(context);
        kindOrds = kinds.ForSegment(context);
        counter = new DocumentOccurrences(context.AtomicReader, phrases);
    }

    public void Collect(int doc)
    {
        var date = dates[doc];
        if (date == 0 || !filter.DateAccepts(date) || !ResultFilter.Accepts(filter.Venues, venueOrds[doc]) || !ResultFilter.Accepts(filter.Kinds, kindOrds[doc]))
        {
            return;
        }
        var period = periods.IndexOf(date);
        Documents[period]++;
        Occurrences[period] += counter!.Count(doc);
    }
}
