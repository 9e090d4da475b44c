using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

public sealed class FilterFacetSortTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    private const string Unknown = "不详";
    private static readonly string[] Queries = ["疫情", "脱贫攻坚", "的", "人民群众 发展", "武汉 OR 北京"];

    private bool Matches(CleanDocument document, string query) => query switch
    {
        "人民群众 发展" => Found(document, "人民群众") && Found(document, "发展"),
        "武汉 OR 北京" => Found(document, "武汉") || Found(document, "北京"),
        _ => Found(document, query),
    };

    /// <summary>A plain phrase matches in the title or the text.</summary>
    private static bool Found(CleanDocument document, string phrase) => Brute.Count(document.Title, phrase) + Brute.Count(document.Text, phrase) > 0;

    [Fact]
    public void FacetsEqualBruteForceCountsUnderTheOtherDimensionsFilters()
    {
        // Dates are never guessed, so dated documents may have no venue: a date range, venues and kinds are combined
        // in sets that each select documents, and the facets are checked under every set.
        var (from, to, kind) = DatedFilter.Of(corpus.Documents);
        var venues = corpus.Documents.Where(d => d.Venue is not null)
            .GroupBy(d => d.Venue!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(2).ToList();
        (DateOnly? From, DateOnly? To, List<string> Venues)[] filterSets = [(from, to, []), (null, null, venues), (from, to, venues)];
        var totals = new List<int>();
        foreach (var (setFrom, setTo, setVenues) in filterSets)
        {
            foreach (var query in Queries)
            {
                var request = new SearchRequest(query, setFrom, setTo, setVenues, [kind, ArticleKinds.Speech]);
                var result = corpus.Service.Search(request);
                var matching = corpus.Documents.Where(d => Matches(d, query)).ToList();
                bool DateOk(CleanDocument d) => setFrom is null || (d.Date is { } date && date >= setFrom && date <= setTo);
                bool VenueOk(CleanDocument d) => setVenues.Count == 0 || (d.Venue is not null && setVenues.Any(v => d.Venue.Contains(v, StringComparison.Ordinal)));
                bool KindOk(CleanDocument d) => d.Kind is not null && request.Kinds!.Contains(d.Kind);
                Assert.Equal(matching.Count(d => DateOk(d) && VenueOk(d) && KindOk(d)), result.Total);
                Assert.Equal(Counts(matching.Where(d => DateOk(d) && KindOk(d)), d => d.Venue ?? Unknown), Sorted(result.Facets.Venue));
                Assert.Equal(Counts(matching.Where(d => DateOk(d) && VenueOk(d)), d => d.Kind ?? Unknown), Sorted(result.Facets.Kind));
                Assert.Equal(Counts(matching.Where(d => VenueOk(d) && KindOk(d) && d.Date is not null), d => d.Date!.Value.Year.ToString()), Sorted(result.Facets.Year));
                totals.Add(result.Total);
            }
        }
        Assert.True(totals.Count(t => t > 0) >= Queries.Length, "the filter sets should select documents");
    }

    [Fact]
    public void FiltersHoldOnEveryHit()
    {
        var (from, _, kind) = DatedFilter.Of(corpus.Documents);
        var venue = corpus.Documents.First(d => d.Venue is not null && d.Kind is not null);
        foreach (var request in new[]
                 {
                     new SearchRequest("的", From: from, Kinds: [kind]),
                     new SearchRequest("的", Venues: [venue.Venue!], Kinds: [venue.Kind!]),
                 })
        {
            bool Accepts(CleanDocument d) => (request.From is null || d.Date >= request.From)
                && (request.Venues is not { Count: > 0 } || d.Venue == request.Venues[0]) && d.Kind == request.Kinds![0];
            var hits = corpus.AllHits(request);
            var expected = corpus.Documents.Where(d => Matches(d, "的") && Accepts(d)).Select(d => d.Id).Order();
            Assert.NotEmpty(hits);
            Assert.Equal(expected, hits.Select(h => h.Id).Order());
        }
    }

    [Fact]
    public void AShortVenueSelectsEveryFullFormThatHoldsIt()
    {
        // The full form ends in a city (武汉市) or a province; users type the city's or province's name without it.
        var full = corpus.Documents.Where(d => d.Venue is { Length: >= 4 }).GroupBy(d => d.Venue!).OrderByDescending(g => g.Count()).First().Key;
        var city = full[^3..^1];
        var hits = corpus.AllHits(new SearchRequest("的", Venues: [city]));
        var expected = corpus.Documents.Where(d => Matches(d, "的") && d.Venue is { } v && v.Contains(city, StringComparison.Ordinal)).Select(d => d.Id).Order();
        Assert.Equal(expected, hits.Select(h => h.Id).Order());
        Assert.Contains(hits, h => h.Venue == full);
    }

    [Theory]
    [InlineData("演讲")]
    [InlineData("speech")]
    public void AnUnknownKindIsAMessageNamingTheKinds(string kind)
    {
        var error = Assert.Throws<QueryException>(() => corpus.Service.Search(new SearchRequest("的", Kinds: [kind])));
        Assert.Contains(kind, error.Message);
        Assert.All(ArticleKinds.All, k => Assert.Contains(k, error.Message));
    }

    [Fact]
    public void PagingStopsAtTheResultWindow()
    {
        var last = new SearchRequest("的", Page: SearchService.MaxResultWindow / 100, Size: 100);
        corpus.Service.Search(last);
        Assert.Throws<QueryException>(() => corpus.Service.Search(last with { Page = last.Page + 1 }));
        Assert.Throws<QueryException>(() => corpus.Service.Search(last with { Page = 1_000_000_000 }));
    }

    [Fact]
    public void SortsByDateEitherWayWithUndatedLast()
    {
        var newest = corpus.AllHits(new SearchRequest("的", Sort: SearchSort.Date)).Select(h => h.Date).ToList();
        var oldest = corpus.AllHits(new SearchRequest("的", Sort: SearchSort.DateAsc)).Select(h => h.Date).ToList();
        Assert.Equal(newest.Where(d => d is not null).OrderByDescending(d => d), newest.Where(d => d is not null));
        Assert.Equal(oldest.Where(d => d is not null).OrderBy(d => d), oldest.Where(d => d is not null));
        Assert.Equal(newest.Count, oldest.Count);
    }

    [Fact]
    public void RelevanceSortsByScoreAndPagesDoNotOverlap()
    {
        var first = corpus.Service.Search(new SearchRequest("疫情防控", Size: 10));
        var second = corpus.Service.Search(new SearchRequest("疫情防控", Page: 2, Size: 10));
        var both = first.Hits.Concat(second.Hits).ToList();
        Assert.Equal(both.Select(h => h.Score).OrderByDescending(s => s), both.Select(h => h.Score));
        Assert.Equal(both.Count, both.Select(h => h.Id).Distinct().Count());
        Assert.Empty(corpus.Service.Search(new SearchRequest("疫情防控", Page: 1000)).Hits);
    }

    [Fact]
    public void PagingPastTheReRankedWindowNeitherRepeatsNorSkips()
    {
        var expected = corpus.Documents.Where(d => Brute.Count(d.Text, "的") > 0).Select(d => d.Id).Order().ToList();
        Assert.True(expected.Count > 200);
        foreach (var size in new[] { 7, 30, 100 })
        {
            var ids = new List<string>();
            for (var page = 1; ids.Count < expected.Count; page++)
            {
                ids.AddRange(corpus.Service.Search(new SearchRequest("的", Page: page, Size: size)).Hits.Select(h => h.Id));
            }
            Assert.Equal(expected, ids.Order());
        }
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 101)]
    public void BadPagingIsAQueryException(int page, int size) =>
        Assert.Throws<QueryException>(() => corpus.Service.Search(new SearchRequest("疫情", Page: page, Size: size)));

    [Fact]
    public void FromAfterToIsAQueryException() =>
        Assert.Throws<QueryException>(() => corpus.Service.Search(new SearchRequest("疫情", new DateOnly(2021, 1, 1), new DateOnly(2020, 1, 1))));

    private static List<KeyValuePair<string, int>> Counts(IEnumerable<CleanDocument> documents, Func<CleanDocument, string> key) =>
        [.. documents.GroupBy(key).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal)];

    private static List<KeyValuePair<string, int>> Sorted(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.OrderBy(p => p.Key, StringComparer.Ordinal)];
}
