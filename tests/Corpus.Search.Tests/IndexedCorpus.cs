using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Search.Tests;

/// <summary>A corpus indexed into a temporary folder, with its documents for brute-force comparisons.</summary>
public abstract class IndexedCorpus : IDisposable
{
    private readonly string indexDir = Path.Combine(Path.GetTempPath(), "corpus-search-tests-" + Guid.NewGuid().ToString("N"));

    protected IndexedCorpus(IngestResult result)
    {
        Result = result;
        Index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        Index.Replace(result);
        Service = new SearchService(Index);
    }

    public IngestResult Result { get; }

    public IReadOnlyList<CleanDocument> Documents => Result.Documents;

    public CorpusIndex Index { get; }

    public SearchService Service { get; }

    /// <summary>Every document id a search returns, over all pages.</summary>
    public List<SearchHit> AllHits(SearchRequest request)
    {
        var hits = new List<SearchHit>();
        for (var page = 1; ; page++)
        {
            var result = Service.Search(request with { Page = page, Size = 100 });
            hits.AddRange(result.Hits);
            if (result.Hits.Count < 100)
            {
                Assert.Equal(result.Total, hits.Count);
                return hits;
            }
        }
    }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(indexDir, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The seed corpus (corpus/), one document per file.</summary>
public sealed class SeedCorpus() : IndexedCorpus(FixtureCorpus.Load(Path.Combine(FixtureCorpus.RepoRoot, "corpus")));

/// <summary>The committed generated corpus (tests/data/gen-300), with metadata from its truth file.</summary>
public sealed class GeneratedCorpus() : IndexedCorpus(FixtureCorpus.Load(
    Path.Combine(FixtureCorpus.RepoRoot, "tests", "data", "gen-300", "raw"),
    Path.Combine(FixtureCorpus.RepoRoot, "tests", "data", "gen-300", "truth.jsonl")));
