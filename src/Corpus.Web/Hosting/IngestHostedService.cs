using System.Diagnostics;
using Corpus.Ingest.Model;
using Corpus.Search;

namespace Corpus.Web.Hosting;

/// <summary>Brings the index up to date with the corpus at startup, while the site answers 503 "ingesting".</summary>
public sealed class IngestHostedService(
    CorpusPaths paths, CorpusIndexer indexer, SearchService search, IndexReadiness readiness, ILogger<IngestHostedService> logger)
    : BackgroundService
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (paths.CorpusDir is null)
        {
            logger.LogInformation("No corpus configured: serving the index in {IndexDir} as it is", paths.IndexDir);
            await Task.Run(WarmUp, stoppingToken);
            readiness.MarkReady();
            return;
        }
        // Ingesting is CPU-bound and long: keep it off the host's startup path so Kestrel answers /healthz meanwhile.
        await Task.Run(() => Ingest(paths.CorpusDir, stoppingToken), stoppingToken);
    }

    private void Ingest(string corpusDir, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (!Directory.Exists(corpusDir))
            {
                throw new DirectoryNotFoundException($"corpus folder {corpusDir} does not exist");
            }
            logger.LogInformation("Bringing the index in {IndexDir} up to date with {CorpusDir}", paths.IndexDir, corpusDir);
            var progress = new ThrottledProgress(logger, ProgressInterval);
            // Stages that report nothing for a while (indexing, merging) still show in the log that work goes on.
            IngestResult? result;
            using (new Timer(_ => progress.Heartbeat(), null, ProgressInterval, ProgressInterval))
            {
                result = indexer.EnsureCurrent(corpusDir, progress, stoppingToken);
            }
            if (result is null)
            {
                logger.LogInformation("Index is current with {CorpusDir}", corpusDir);
            }
            else
            {
                logger.LogInformation(
                    "Ingested {Documents} documents from {Files} files ({Skipped} skipped, {Duplicates} duplicates merged) in {ElapsedSeconds:F1} s",
                    result.Documents.Count, result.Files, result.Skipped.Count, result.DuplicatesMerged, clock.Elapsed.TotalSeconds);
            }
            WarmUp();
            readiness.MarkReady();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Ingest cancelled by shutdown");
        }
        catch (Exception e)
        {
            // No crash loop: the site stays up and /healthz tells what went wrong.
            logger.LogError(e, "Ingesting {CorpusDir} failed", corpusDir);
            readiness.MarkFailed(e.Message);
        }
    }

    /// <summary>
    /// The first search in a process loads SmartCn's dictionaries and compiles the query path (most of a second):
    /// pay it before the site reports ready, not in the first user's request.
    /// </summary>
    private void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = search.Search(new SearchRequest("的 中国", Size: 10));
            logger.LogInformation("Warmed up the search path in {ElapsedMs:F0} ms ({Hits} hits)", clock.Elapsed.TotalMilliseconds, result.Total);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A cold first request is slow, not wrong: serve anyway and let the request show the real error if any.
            logger.LogWarning(e, "Warming up the search path failed");
        }
    }

    /// <summary>Logs ingest progress at most once per interval, so a long ingest shows it is alive.</summary>
    private sealed class ThrottledProgress(ILogger logger, TimeSpan interval) : IProgress<IngestProgress>
    {
        private readonly Stopwatch sinceLast = Stopwatch.StartNew();
        private readonly Stopwatch total = Stopwatch.StartNew();
        private readonly Lock gate = new();
        private IngestProgress? last;

        public void Report(IngestProgress value)
        {
            lock (gate)
            {
                last = value;
                if (sinceLast.Elapsed < interval)
                {
                    return;
                }
                sinceLast.Restart();
            }
            logger.LogInformation(
                "Ingest {Stage}: {FilesDone}/{FilesTotal} files, {MegaBytes:F1} MB, {Articles} articles",
                value.Stage, value.FilesDone, value.FilesTotal, value.BytesDone / 1e6, value.Articles);
        }

        /// <summary>Logs that the ingest still runs when no progress was logged for a whole interval.</summary>
        public void Heartbeat()
        {
            IngestProgress? stage;
            lock (gate)
            {
                if (sinceLast.Elapsed < interval)
                {
                    return;
                }
                sinceLast.Restart();
                stage = last;
            }
            logger.LogInformation("Still ingesting after {ElapsedSeconds:F0} s (last stage: {Stage})",
                total.Elapsed.TotalSeconds, stage?.Stage ?? "starting");
        }
    }
}
