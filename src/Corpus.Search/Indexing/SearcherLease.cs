using Lucene.Net.Search;

namespace Corpus.Search.Indexing;

/// <summary>A searcher acquired from the manager, released on dispose; <see cref="Searcher"/> is null while no index exists.</summary>
internal readonly struct SearcherLease(SearcherManager? manager, IndexSearcher? searcher) : IDisposable
{
    public IndexSearcher? Searcher { get; } = searcher;

    public void Dispose()
    {
        if (manager is not null && Searcher is not null)
        {
            manager.Release(Searcher);
        }
    }
}
