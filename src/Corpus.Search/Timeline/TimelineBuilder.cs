using Corpus.Search.Facets;
using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Timeline;

/// <summary>
/// Documents, occurrences and characters per period, from doc values and positions (stored text only for patterns):
/// the periods span the dated documents under the filters, each query is one pass of its match query.
/// </summary>
internal static class TimelineBuilder
{
    public static TimelineResult Build(
        IndexSearcher searcher, IReadOnlyList<(string Query, ParsedQuery Parsed)> queries, ResultFilter filter, TimelineUnit? unit)
    {
        var reader = searcher.IndexReader;
        var venues = FacetOrdinals.For(reader, Indexing.FieldNames.Venue);
        var kinds = FacetOrdinals.For(reader, Indexing.FieldNames.Kind);
        var dates = DateKeys.For(reader);
        var characters = CharacterCounts.For(reader);
        var (min, max) = (int.MaxValue, int.MinValue);
        ForEachAccepted(reader, filter, venues, kinds, dates, characters, (date, _) => (min, max) = (Math.Min(min, date), Math.Max(max, date)));
        if (min > max)
        {
            return new TimelineResult(unit ?? TimelineUnit.Day, [.. queries.Select(q => new TimelineSeries(q.Query, []))]);
        }
        var (from, to) = (ToDate(min), ToDate(max));
        var periods = new Periods(unit ?? Periods.Auto(from, to), from, to);
        var totals = new long[periods.Count];
        ForEachAccepted(reader, filter, venues, kinds, dates, characters, (date, count) => totals[periods.IndexOf(date)] += count);
        var series = new List<TimelineSeries>();
        foreach (var (query, parsed) in queries)
        {
            var phrases = parsed.Required.SelectMany(c => c.Alternatives).Distinct().ToList();
            var collector = new TimelineCollector(filter, venues, kinds, dates, periods, phrases);
            searcher.Search(LuceneQueryBuilder.Match(parsed), VerifyingCollector.Around(collector, parsed));
            series.Add(new TimelineSeries(query, [.. Enumerable.Range(0, periods.Count).Select(i =>
                new TimelineBucket(periods.Start(i), collector.Documents[i], collector.Occurrences[i], totals[i]))]));
        }
        return new TimelineResult(periods.Unit, series);
    }

    /// <summary>Every live, dated document the filters accept, with its date key and character count.</summary>
    private static void ForEachAccepted(
        IndexReader reader, ResultFilter filter, FacetOrdinals venues, FacetOrdinals kinds, DateKeys dates, CharacterCounts characters,
        Action<int, long> visit)
    {
        foreach (var leaf in reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            var (dateKeys, venueOrds, kindOrds, counts) = (dates.ForSegment(leaf), venues.ForSegment(leaf), kinds.ForSegment(leaf), characters.ForSegment(leaf));
            for (var doc = 0; doc < dateKeys.Length; doc++)
            {
                var date = dateKeys[doc];
                if (date != 0 && (live is null || live.Get(doc)) && filter.DateAccepts(date)
                    && ResultFilter.Accepts(filter.Venues, venueOrds[doc]) && ResultFilter.Accepts(filter.Kinds, kindOrds[doc]))
                {
                    visit(date, counts[doc]);
                }
            }
        }
    }

    private static DateOnly ToDate(int key) => new(key / 10000, key / 100 % 100, key % 100);
}
