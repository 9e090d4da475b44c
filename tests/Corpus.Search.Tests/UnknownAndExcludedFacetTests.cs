using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// The 不详 bucket (documents without a venue or kind) and "not this value", against brute force over the exported
/// documents: totals and the facet counts of each dimension under the other dimension's filter, for selections made
/// from the data (the commonest values, the 不详 bucket), with and without a query.
/// </summary>
public sealed class UnknownAndExcludedFacetTests(SeedCorpus seeds, GeneratedCorpus generated)
    : IClassFixture<SeedCorpus>, IClassFixture<GeneratedCorpus>
{
    private const string Unknown = "不详";

    [Fact]
    public void Unknown_buckets_and_exclusions_equal_brute_force_counts()
    {
        var unknownSeen = 0;
        foreach (var corpus in new IndexedCorpus[] { seeds, generated })
        {
            var documents = corpus.Service.AllDocuments().ToList();
            var venues = Commonest(documents, d => d.Venue);
            var kinds = Commonest(documents, d => d.Kind);
            var selections = new List<(string[] Venues, string[] Kinds, string[] NotVenues, string[] NotKinds)>
            {
                ([Unknown], [], [], []),
                ([], [], [venues[0]], []),
                ([], [], [Unknown], []),
                ([venues[0], Unknown], [], [venues[1]], []),
                ([], [], [], [kinds[0]]),
                ([], [Unknown], [], []),
                ([], [kinds[0], Unknown], [Unknown], [kinds[1]]),
                // A short name excludes every full form holding it, as it selects them.
                ([], [], [venues[0][^3..^1]], [Unknown]),
            };
            foreach (var query in new[] { "", "的", "发展" })
            {
                var matching = documents.Where(d => Matches(d, query)).ToList();
                foreach (var (inVenues, inKinds, notVenues, notKinds) in selections)
                {
                    var result = corpus.Service.Search(new SearchRequest(query, Venues: inVenues, Kinds: inKinds, ExcludedVenues: notVenues, ExcludedKinds: notKinds));
                    bool VenueOk(CleanDocument d) => Passes(d.Venue, inVenues, notVenues, venue: true);
                    bool KindOk(CleanDocument d) => Passes(d.Kind, inKinds, notKinds, venue: false);
                    var context = $"q={query} venue={string.Join(',', inVenues)} kind={string.Join(',', inKinds)} notvenue={string.Join(',', notVenues)} notkind={string.Join(',', notKinds)}";
                    Assert.True(matching.Count(d => VenueOk(d) && KindOk(d)) == result.Total, context);
                    Assert.Equal(Counts(matching.Where(KindOk), d => d.Venue), Sorted(result.Facets.Venue));
                    Assert.Equal(Counts(matching.Where(VenueOk), d => d.Kind), Sorted(result.Facets.Kind));
                    unknownSeen += result.Facets.Venue.GetValueOrDefault(Unknown);
                }
            }
        }
        Assert.True(unknownSeen > 0, "some document should lack a venue");
    }

    [Fact]
    public void Every_hit_honours_an_exclusion_and_the_unknown_bucket()
    {
        var venue = Commonest(seeds.Documents, d => d.Venue)[0];
        var withoutVenue = seeds.AllHits(new SearchRequest("", Venues: [Unknown]));
        Assert.NotEmpty(withoutVenue);
        Assert.All(withoutVenue, h => Assert.Null(h.Venue));
        var notThat = seeds.AllHits(new SearchRequest("", ExcludedVenues: [venue]));
        Assert.DoesNotContain(notThat, h => h.Venue == venue);
        Assert.Contains(notThat, h => h.Venue is null);
        Assert.Equal(seeds.Documents.Count, notThat.Count + seeds.AllHits(new SearchRequest("", Venues: [venue])).Count);
    }

    /// <summary>The rule as documented: 不详 stands for no value; a venue of two or more characters also selects the full forms holding it.</summary>
    private static bool Passes(string? value, string[] included, string[] excluded, bool venue)
    {
        bool Chosen(string wanted) => wanted == Unknown
            ? value is null
            : value is not null && (value == wanted || (venue && wanted.Length >= 2 && value.Contains(wanted, StringComparison.Ordinal)));
        return (included.Length == 0 || included.Any(Chosen)) && !excluded.Any(Chosen);
    }

    private static bool Matches(CleanDocument document, string query) => query.Length == 0
        || Brute.Count(document.Title, query) + Brute.Count(document.Text, query) > 0
        || document.Copies.Any(c => Brute.Count(c.Text, query) > 0);

    private static List<string> Commonest(IEnumerable<CleanDocument> documents, Func<CleanDocument, string?> value) =>
        [.. documents.Select(value).OfType<string>().GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(2)];

    private static List<KeyValuePair<string, int>> Counts(IEnumerable<CleanDocument> documents, Func<CleanDocument, string?> key) =>
        [.. documents.GroupBy(d => key(d) ?? Unknown).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal)];

    private static List<KeyValuePair<string, int>> Sorted(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.OrderBy(p => p.Key, StringComparer.Ordinal)];
}
