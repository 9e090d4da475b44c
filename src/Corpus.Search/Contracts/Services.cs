using Corpus.Ingest;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

// Signatures the Web and CLI hosts build against; bodies are being written on the search branch.

/// <summary>The one owner of the index's writer and searchers (SearcherManager).</summary>
public sealed class CorpusIndex(string indexDir, ILogger<CorpusIndex> logger) : IDisposable
{
    public string IndexDir { get; } = indexDir;

    /// <summary>The corpus fingerprint recorded by the last successful <see cref="Replace"/>, or null.</summary>
    public string? Fingerprint => throw new NotImplementedException();

    /// <summary>Makes the index hold exactly these documents (update by id, delete the rest), commits, refreshes searchers.</summary>
    public void Replace(IngestResult result, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Replacing {Count} documents", result.Documents.Count);
        throw new NotImplementedException();
    }

    public void Dispose() { }
}

/// <summary>Brings the index up to date with a corpus folder: does nothing when its fingerprint is unchanged.</summary>
public sealed class CorpusIndexer(IngestPipeline pipeline, CorpusIndex index, ILogger<CorpusIndexer> logger)
{
    /// <returns>The ingest result when it ran, null when the index was already current.</returns>
    public IngestResult? EnsureCurrent(string corpusDir, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Checking {CorpusDir} against {IndexDir} with {Pipeline}", corpusDir, index.IndexDir, pipeline);
        throw new NotImplementedException();
    }
}

public sealed class SearchService(CorpusIndex index)
{
    /// <exception cref="QueryException">Bad syntax or an impossible filter.</exception>
    public SearchResult Search(SearchRequest request) => throw new NotImplementedException(index.IndexDir);

    /// <returns>Null when no document has this id.</returns>
    public DocumentView? GetDocument(string id, string? query) => throw new NotImplementedException();

    public ConcordanceResult Concordance(SearchRequest request, ConcordanceSort sort, int context = 30, int limit = 5000) =>
        throw new NotImplementedException();

    public CorpusStats Stats() => throw new NotImplementedException();

    /// <summary>Every stored document, in a stable order, for export.</summary>
    public IEnumerable<CleanDocument> AllDocuments() => throw new NotImplementedException();
}

/// <summary>Parses the date bounds users type: yyyy, yyyy-MM or yyyy-MM-dd.</summary>
public static class DateBound
{
    /// <param name="upper">True for a "to" bound: 2020 means 2020-12-31, 2020-02 means 2020-02-29.</param>
    /// <exception cref="QueryException">Not a date in one of those forms.</exception>
    public static DateOnly Parse(string text, bool upper) => throw new NotImplementedException();
}
