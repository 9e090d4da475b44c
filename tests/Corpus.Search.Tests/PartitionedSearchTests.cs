using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Search.Tests;

/// <summary>
/// A search cut into ranges of documents run at once (what a lone query does on several cores) must answer exactly
/// as one pass over the index: totals, occurrences, facet counts and every hit in the same order with the same score.
/// </summary>
public sealed class PartitionedSearchTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void A_search_cut_into_ranges_answers_exactly_as_one_pass()
    {
        using var onePass = new CorpusIndex(corpus.Index.IndexDir, NullLogger<CorpusIndex>.Instance) { SearchParts = 1 };
        using var cut = new CorpusIndex(corpus.Index.IndexDir, NullLogger<CorpusIndex>.Instance) { SearchParts = 3 };
        var (expected, actual) = (new SearchService(onePass), new SearchService(cut));
        var random = new Random(5);
        var dates = corpus.Documents.Select(d => d.Date).OfType<DateOnly>().Order().ToList();
        var middle = dates[dates.Count / 2];
        var venue = corpus.Documents.Select(d => d.Venue).OfType<string>().First();
        var requests = new List<SearchRequest>();
        for (var i = 0; i < 40; i++)
        {
            var (a, b) = (Cut(random, 1 + (i % 4)), Cut(random, 2));
            var query = (i % 5) switch
            {
                0 => $"\"{a}\"",
                1 => $"\"{a}\" \"{b}\"",
                2 => $"\"{a}\" OR \"{b}\"",
                3 => $"\"{a}\" -{b}",
                _ => $"{a[0]}*{b}",
            };
            var sort = (SearchSort)(i % 3);
            requests.Add(new SearchRequest(query, Sort: sort, Size: 100));
            requests.Add(new SearchRequest(query, From: middle, Sort: sort, Page: 2, Size: 7));
            requests.Add(new SearchRequest(query, To: middle, Venues: [venue], Sort: sort, Size: 20));
        }
        requests.Add(new SearchRequest("", Size: 50));
        foreach (var request in requests)
        {
            var (one, many) = (expected.Search(request), actual.Search(request));
            Assert.Equal(one.Total, many.Total);
            Assert.Equal(one.Occurrences, many.Occurrences);
            Assert.Equal(one.Facets.Venue.OrderBy(p => p.Key), many.Facets.Venue.OrderBy(p => p.Key));
            Assert.Equal(one.Facets.Kind.OrderBy(p => p.Key), many.Facets.Kind.OrderBy(p => p.Key));
            Assert.Equal(one.Facets.Year.OrderBy(p => p.Key), many.Facets.Year.OrderBy(p => p.Key));
            Assert.Equal(one.Hits.Select(h => (h.Id, h.Score, h.Occurrences)), many.Hits.Select(h => (h.Id, h.Score, h.Occurrences)));
        }
        Assert.Contains(requests, r => expected.Search(r).Total > 100);
    }

    /// <summary>A piece of a random document's text without line breaks or quotes.</summary>
    private string Cut(Random random, int length)
    {
        while (true)
        {
            var text = corpus.Documents[random.Next(corpus.Documents.Count)].Text;
            var piece = text.Substring(random.Next(text.Length - length), length);
            if (!piece.Any(c => char.IsWhiteSpace(c) || char.IsSurrogate(c) || char.IsPunctuation(c) || c is '"' or '*' or '?' or '\\' or '-'))
            {
                return piece;
            }
        }
    }
}
