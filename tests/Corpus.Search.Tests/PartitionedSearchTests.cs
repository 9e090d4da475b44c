using Corpus.Search.Indexing;
using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Search.Tests;

/// <summary>
/// A search whose ranges of documents several threads take in turn (what a lone query does on several cores) must
/// answer exactly as one pass over the index: totals, occurrences, facet counts and every hit in the same order with the
/// same score and snippets.
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

    /// <summary>
    /// Which thread takes which range depends on timing, so the threads' walks are replayed here in a fixed order: two
    /// cursors take interleaved ranges that cut across segments, each must see its documents in increasing order, and
    /// together exactly what Lucene's own search of the query collects, each document once.
    /// </summary>
    [Fact]
    public void Threads_taking_interleaved_ranges_see_each_match_once_and_in_order()
    {
        var indexDir = SeveralSegments();
        try
        {
            using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
            var random = new Random(7);
            int[][] turns = [[0, 2, 5, 6, 9], [1, 3, 4, 7, 8]];
            for (var i = 0; i < 30; i++)
            {
                var query = LuceneQueryBuilder.Match(QueryParser.Parse($"\"{Cut(random, 1 + (i % 5))}\""));
                index.WithSearcher(searcher =>
                {
                    var expected = new DocsCollector();
                    searcher!.Search(query, expected);
                    var weight = searcher.CreateNormalizedWeight(query);
                    var maxDoc = searcher.IndexReader.MaxDoc;
                    var seen = turns.Select(_ => new DocsCollector()).ToArray();
                    var cursors = seen.Select(c => new PartitionedSearch.Cursor(weight, searcher.IndexReader.Leaves, c)).ToArray();
                    var ranges = turns.Sum(t => t.Length);
                    for (var range = 0; range < ranges; range++)
                    {
                        var thread = turns[0].Contains(range) ? 0 : 1;
                        cursors[thread].Score(maxDoc * range / ranges, maxDoc * (range + 1) / ranges);
                    }
                    Assert.All(seen, c => Assert.Equal(c.Docs.Order(), c.Docs));
                    Assert.Equal(expected.Docs.Order(), seen.SelectMany(c => c.Docs).Order());
                    return 0;
                });
            }
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

    /// <summary>The top-level documents collected, in the order they came.</summary>
    private sealed class DocsCollector : ICollector
    {
        private int docBase = -1;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc)
        {
            Assert.True(docBase >= 0, "a document collected before its segment was set");
            Docs.Add(docBase + doc);
        }
    }

    /// <summary>Lucene's merge of several collectors' hits breaks ties by collector; a thread's documents are several
    /// ranges, so ties must be broken by document, as one pass over the index breaks them.</summary>
    [Fact]
    public void Hits_with_equal_scores_merge_in_document_order()
    {
        var first = new TopDocs(3, [new(0, 1f), new(20, 1f), new(21, 1f)], 1f);
        var second = new TopDocs(3, [new(7, 2f), new(10, 1f), new(11, 1f)], 2f);

        var merged = PartitionedSearch.TopByScore([first, second], 4);

        Assert.Equal([7, 0, 10, 11], merged.Select(h => h.Doc));
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
