using Corpus.Ingest;
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
        Service = new SearchService(Index, Log);
    }

    /// <summary>What the service warned of: a view that had to leave its fast path (never expected).</summary>
    internal WarningLog<SearchService> Log { get; } = new();

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

/// <summary>The seed corpus (corpus/) through the ingest pipeline.</summary>
public sealed class SeedCorpus() : IndexedCorpus(Ingest.Run(RepoPaths.SeedCorpus));

/// <summary>The committed generated corpus (tests/data/gen-300) through the ingest pipeline.</summary>
public sealed class GeneratedCorpus() : IndexedCorpus(Ingest.Run(RepoPaths.GeneratedCorpus));

/// <summary>The real-text fixtures (tests/data/realtext) through the ingest pipeline.</summary>
public sealed class RealTextCorpus() : IndexedCorpus(Ingest.Run(RepoPaths.RealTextCorpus));

internal static class Ingest
{
    public static IngestResult Run(string corpusDir) => new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpusDir);
}
