using Corpus.Search.Indexing;
using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Search.Tests;

/// <summary>
/// A search cut into ranges of documents run at once (what a lone query does on several cores) must answer exactly
/// as one pass over the index: totals, occurrences, facet counts and every hit in the same order with the same score
/// and snippets (the page's hits are read on several threads too).
/// </summary>
public sealed class PartitionedSearchTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void A_search_cut_into_ranges_answers_exactly_as_one_pass() => AssertCutAnswersAsOnePass(corpus.Index.IndexDir);

    [Fact]
    public void So_does_one_over_several_segments_with_deletions_where_each_hit_scores_its_match_plus_its_words()
    {
        var indexDir = SeveralSegments();
        try
        {
            AssertCutAnswersAsOnePass(indexDir);
            AssertHitsScoreTheMatchAndTheWords(indexDir);
        }
        finally
        {
            Directory.Delete(indexDir, recursive: true);
        }
    }

    /// <summary>An index of gen-300 in several segments, some documents deleted: the first commit writes the first half,
    /// the second deletes the first tenth from it and writes the rest anew.</summary>
    private string SeveralSegments()
    {
        var indexDir = Path.Combine(Path.GetTempPath(), "corpus-partitioned-" + Guid.NewGuid().ToString("N"));
        var documents = corpus.Documents;
        using (var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance))
        {
            index.Replace(corpus.Result with { Documents = [.. documents.Take(documents.Count / 2)], Fingerprint = "first half" });
            index.Replace(corpus.Result with { Documents = [.. documents.Skip(documents.Count / 10)], Fingerprint = "the rest" });
        }
        using (var reader = DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(indexDir)))
        {
            Assert.True(reader.Leaves.Count >= 2);
            Assert.True(reader.HasDeletions);
        }
        return indexDir;
    }

    /// <summary>
    /// A first-page hit's score is its exact-match score plus its words score (the re-ranking), each as Lucene explains
    /// it for that document alone, whichever segment holds it and however many threads re-rank.
    /// </summary>
    private void AssertHitsScoreTheMatchAndTheWords(string indexDir)
    {
        using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance) { SearchParts = 3 };
        var service = new SearchService(index);
        var random = new Random(11);
        var segments = new HashSet<int>();
        for (var i = 0; i < 20; i++)
        {
            var query = i % 2 == 0 ? $"\"{Cut(random, 2)}\"" : $"\"{Cut(random, 2)}\" OR \"{Cut(random, 3)}\"";
            var parsed = QueryParser.Parse(query);
            var hits = service.Search(new SearchRequest(query, Size: 50)).Hits;
            index.WithSearcher(searcher =>
            {
                foreach (var hit in hits)
                {
                    var doc = searcher!.Search(new TermQuery(new Term(FieldNames.Id, hit.Id)), 1).ScoreDocs[0].Doc;
                    segments.Add(ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves));
                    var expected = searcher.Explain(LuceneQueryBuilder.Match(parsed), doc).Value + searcher.Explain(LuceneQueryBuilder.Rank(parsed)!, doc).Value;
                    Assert.Equal(expected, hit.Score, expected * 1e-5);
                }
                return 0;
            });
        }
        Assert.True(segments.Count >= 2);
    }

    private void AssertCutAnswersAsOnePass(string indexDir)
    {
        using var onePass = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance) { SearchParts = 1 };
        using var cut = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance) { SearchParts = 3 };
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
            Assert.Equal(one.Hits.Select(Shown), many.Hits.Select(Shown));
        }
        Assert.Contains(requests, r => expected.Search(r).Total > 100);
    }

    /// <summary>All a hit shows: hits are read and their snippets built on several threads as well.</summary>
    private static string Shown(SearchHit hit) =>
        $"{hit.Id} {hit.Score} {hit.Occurrences} {string.Join(" | ", hit.Snippets.Select(s => s.Text + string.Concat(s.Hits)))} {string.Concat(hit.TitleHits)}";

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
