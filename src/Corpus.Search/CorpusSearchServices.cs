using Corpus.Ingest;
using Corpus.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>The one registration of the index and what works on it, used by the site and the <c>corpus</c> command alike.</summary>
public static class CorpusSearchServices
{
    /// <summary>
    /// One <see cref="CorpusIndex"/> (the owner of the writer and the readers) over <paramref name="indexDir"/>, the
    /// <see cref="SearchService"/> on it, and the <see cref="IngestPipeline"/> and <see cref="CorpusIndexer"/> that
    /// write it; all singletons, disposed with the container. Needs <see cref="ILogger{T}"/> registered.
    /// </summary>
    /// <param name="indexDir">The index folder, resolved once from the container (configuration, a command's option).</param>
    public static IServiceCollection AddCorpusSearch(this IServiceCollection services, Func<IServiceProvider, string> indexDir)
    {
        services.AddSingleton(provider => new CorpusIndex(indexDir(provider), provider.GetRequiredService<ILogger<CorpusIndex>>()));
        services.AddSingleton<SearchService>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<CorpusIndexer>();
        return services;
    }
}
