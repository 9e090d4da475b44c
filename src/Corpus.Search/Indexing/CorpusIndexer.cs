using Corpus.Ingest;
using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>Brings the index up to date with a corpus folder: does nothing when its fingerprint and the code that wrote it are unchanged.</summary>
/// <param name="cache">The processing cache, so that only new and changed files are processed again; without one
/// (benchmarks of a full ingest) every file is.</param>
public sealed class CorpusIndexer(IngestPipeline pipeline, CorpusIndex index, ILogger<CorpusIndexer> logger, ProcessingCache? cache = null)
{
    /// <returns>The ingest result when it ran, null when the index was already current.</returns>
    public IngestResult? EnsureCurrent(string corpusDir, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Surveyed once: the ingest takes the listing and the hashes from here.
        var survey = IngestPipeline.Survey(corpusDir, cache);
        var fingerprint = survey.Fingerprint;
        if (index.Damaged)
        {
            logger.LogWarning("Index {IndexDir} is damaged: rebuilding it from {CorpusDir}", index.IndexDir, corpusDir);
        }
        else if (fingerprint != index.Fingerprint)
        {
            logger.LogInformation("Corpus {CorpusDir} changed since the last ingest into {IndexDir}: ingesting", corpusDir, index.IndexDir);
        }
        else if (!index.WrittenByThisBuild)
        {
            logger.LogInformation("Index {IndexDir} was written by another build of Corpus: ingesting {CorpusDir} again", index.IndexDir, corpusDir);
        }
        else
        {
            logger.LogInformation("Index {IndexDir} is current with {CorpusDir}", index.IndexDir, corpusDir);
            return null;
        }
        var result = pipeline.Run(survey, progress, cancellationToken, cache);
        if (cache is { KeepsInMemory: false })
        {
            // A process that ingests once holds little after reading but the documents; the garbage of reading them
            // would otherwise keep its heap large through indexing, whose own buffers come on top (peak 409 MB instead of
            // 303 at 20k). A site, which keeps its processed files, is not paused for it.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        index.Replace(result, progress, cancellationToken);
        return result;
    }
}
