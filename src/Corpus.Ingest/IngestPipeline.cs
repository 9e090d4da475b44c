using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging;

namespace Corpus.Ingest;

/// <summary>Read → normalize → split → extract metadata → deduplicate, for a whole corpus folder.</summary>
public sealed class IngestPipeline(ILogger<IngestPipeline> logger)
{
    /// <summary>Hash over the corpus folder's files (relative paths and content hashes), cheap next to a full run.</summary>
    public static string Fingerprint(string corpusDir) => throw new NotImplementedException();

    public IngestResult Run(string corpusDir, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Ingesting {CorpusDir}", corpusDir);
        throw new NotImplementedException();
    }
}
