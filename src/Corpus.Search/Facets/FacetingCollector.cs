using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Facets;

/// <summary>
/// Visits every document the query matches once: applies the filters from doc values, passes the accepted ones to
/// <paramref name="results"/> (top hits) and counts each facet dimension under the filters of the other dimensions
/// only, so a selected venue still shows the other venues' counts; documents without a venue or kind count as
/// <see cref="FacetCounts.Unknown"/>. The year dimension's own filter is the date range.
/// </summary>
internal sealed class FacetingCollector(
    ICollector results, ResultFilter filter, FacetOrdinals venues, FacetOrdinals kinds, DateKeys dateKeys, bool countFacets)
    : ICollector
{
    private const int FirstYear = 1000;
    private const int Years = 1200;
    // One more slot than labels: documents without a value (FacetSelection.Slot).
    private readonly int[] venueCounts = new int[venues.Labels.Count + 1];
    private readonly int[] kindCounts = new int[kinds.Labels.Count + 1];
    private readonly int[] yearCounts = new int[Years];
    private int[] dates = [];
    private int[] venueOrds = [];
    private int[] kindOrds = [];

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => results.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => results.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        dates = dateKeys.ForSegment(context);
        venueOrds = venues.ForSegment(context);
        kindOrds = kinds.ForSegment(context);
        results.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (!countFacets && filter.IsEmpty)
        {
            Total++;
            results.Collect(doc);
            return;
        }
        var date = dates[doc];
        var venue = venueOrds[doc];
        var kind = kindOrds[doc];
        var dateOk = filter.DateAccepts(date);
        var venueOk = ResultFilter.Accepts(filter.Venues, venue);
        var kindOk = ResultFilter.Accepts(filter.Kinds, kind);
        if (dateOk && venueOk && kindOk)
        {
            Total++;
            results.Collect(doc);
        }
        if (!countFacets)
        {
            return;
        }
        if (dateOk && kindOk)
        {
            venueCounts[FacetSelection.Slot(venue, venueCounts.Length - 1)]++;
        }
        if (dateOk && venueOk)
        {
            kindCounts[FacetSelection.Slot(kind, kindCounts.Length - 1)]++;
        }
        if (venueOk && kindOk && date != 0)
        {
            var year = DateKey.Year(date) - FirstYear;
            if (year is >= 0 and < Years)
            {
                yearCounts[year]++;
            }
        }
    }

    /// <summary>Adds the total and the counts of a collector that saw another range of documents (see <see cref="Querying.PartitionedSearch"/>).</summary>
    public void Add(FacetingCollector other)
    {
        Total += other.Total;
        AddTo(venueCounts, other.venueCounts);
        AddTo(kindCounts, other.kindCounts);
        AddTo(yearCounts, other.yearCounts);
    }

    private static void AddTo(int[] counts, int[] more)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += more[i];
        }
    }

    public FacetCounts Counts() => new(
        Named(venues.Labels, venueCounts),
        Named(kinds.Labels, kindCounts),
        Enumerable.Range(0, Years).Where(y => yearCounts[y] > 0)
            .ToDictionary(y => (FirstYear + y).ToString(System.Globalization.CultureInfo.InvariantCulture), y => yearCounts[y]));

    /// <summary>The last slot, documents without a value, is the <see cref="FacetCounts.Unknown"/> bucket
    /// (a stored value spelled 不详 means the same and adds to it.)</summary>
    private static Dictionary<string, int> Named(IReadOnlyList<string> labels, int[] counts)
    {
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                var label = i < labels.Count ? labels[i] : FacetCounts.Unknown;
                named[label] = named.GetValueOrDefault(label) + counts[i];
            }
        }
        return named;
    }
}
