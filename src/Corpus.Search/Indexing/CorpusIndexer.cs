using Corpus.Ingest;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>Brings the index up to date with a corpus folder: does nothing when its fingerprint is unchanged.</summary>
public sealed class CorpusIndexer(IngestPipeline pipeline, CorpusIndex index, ILogger<CorpusIndexer> logger)
{
    /// <returns>The ingest result when it ran, null when the index was already current.</returns>
    public IngestResult? EnsureCurrent(string corpusDir, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var fingerprint = IngestPipeline.Fingerprint(corpusDir);
        if (fingerprint == index.Fingerprint)
        {
            logger.LogInformation("Index {IndexDir} is current with {CorpusDir}", index.IndexDir, corpusDir);
            return null;
        }
        logger.LogInformation("Corpus {CorpusDir} changed since the last ingest into {IndexDir}: ingesting", corpusDir, index.IndexDir);
        var result = pipeline.Run(corpusDir, progress, cancellationToken);
        index.Replace(result, cancellationToken);
        return result;
    }
}
