using Corpus.Ingest;
using Corpus.Ingest.Processing;
using Corpus.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>The one registration of the index and what works on it, used by the site and the <c>corpus</c> command alike.</summary>
public static class CorpusSearchServices
{
    /// <summary>
    /// One <see cref="CorpusIndex"/> (the owner of the writer and the readers) over <paramref name="indexDir"/>, the
    /// <see cref="SearchService"/> on it, and the <see cref="IngestPipeline"/>, <see cref="ProcessingCache"/> (beside the
    /// index) and <see cref="CorpusIndexer"/> that write it; all singletons, disposed with the container. Needs <see cref="ILogger{T}"/> registered.
    /// </summary>
    /// <param name="indexDir">The index folder, resolved once from the container (configuration, a command's option).</param>
    /// <param name="ingestsOnce">The process ingests at most once (a command): the processing cache keeps its entries on
    /// disk only, not in memory as well.</param>
    public static IServiceCollection AddCorpusSearch(this IServiceCollection services, Func<IServiceProvider, string> indexDir, bool ingestsOnce = false)
    {
        services.AddSingleton(provider => new CorpusIndex(indexDir(provider), provider.GetRequiredService<ILogger<CorpusIndex>>()));
        services.AddSingleton<SearchService>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton(provider => new ProcessingCache(
            ProcessingCache.BesideIndex(indexDir(provider)), provider.GetRequiredService<ILogger<ProcessingCache>>(), keepInMemory: !ingestsOnce));
        services.AddSingleton<CorpusIndexer>();
        return services;
    }
}
