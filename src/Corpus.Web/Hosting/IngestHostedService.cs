using System.Diagnostics;
using Corpus.Ingest.Model;
using Corpus.Search;
using Corpus.Search.Indexing;

namespace Corpus.Web.Hosting;

/// <summary>
/// Owns the index's life in the site: verifies it at start, serves it while the corpus is (re-)ingested behind it,
/// re-ingests when the corpus folder changes, and shows commits by other processes (<c>corpus ingest</c>) within
/// <see cref="RefreshInterval"/>. Only a first ingest, or the rebuild of a damaged index, leaves the site not ready.
/// </summary>
public sealed class IngestHostedService(
    CorpusPaths paths, CorpusIndex index, CorpusIndexer indexer, SearchService search, IndexReadiness readiness,
    ILogger<IngestHostedService> logger)
    : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long the corpus folder must stay quiet after a change before a re-ingest starts (copies finish). Short:
    /// a file still being written when it starts changes again afterwards, which leads to one more re-ingest, and a file
    /// modified this recently is hashed again rather than trusted by its size and time.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the corpus folder's watch is looked at: an added file's wait is the settle time and up to this.</summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Verifying and ingesting are CPU- and IO-bound and long: keep them off the host's startup path so Kestrel
        // answers /healthz meanwhile.
        // Watching from before the first ingest: a change during it leads to one more (the fingerprint decides).
        using var watch = CorpusWatch.Start(paths.CorpusDir, logger);
        await Task.Run(() => Start(stoppingToken), stoppingToken);
        using var timer = new PeriodicTimer(WatchInterval);
        var sinceRefresh = Stopwatch.StartNew();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var refresh = sinceRefresh.Elapsed >= RefreshInterval;
            if (refresh)
            {
                sinceRefresh.Restart();
            }
            var changed = watch is not null && watch.Settled(SettleTime);
            if (refresh || changed)
            {
                await Task.Run(() => Tick(refresh, changed, stoppingToken), stoppingToken);
            }
        }
    }

    private void Start(CancellationToken stoppingToken)
    {
        var check = index.Verify();
        switch (check.Condition)
        {
            case IndexCondition.Intact:
                WarmUp();
                readiness.MarkReady();
                break;
            case IndexCondition.Missing when paths.CorpusDir is null:
                logger.LogWarning("No index in {IndexDir} and no corpus configured: serving an empty index", paths.IndexDir);
                readiness.MarkReady();
                break;
            case IndexCondition.Missing:
                readiness.MarkNotReady("first ingest running");
                break;
            case IndexCondition.Damaged when paths.CorpusDir is null:
                readiness.MarkFailed($"the index is damaged ({check.Problem}) and no corpus is configured to rebuild it from", damaged: true);
                break;
            case IndexCondition.Damaged:
                readiness.MarkNotReady($"the index is damaged ({check.Problem}); rebuilding it from the corpus", damaged: true);
                break;
        }
        if (paths.CorpusDir is not null)
        {
            Ingest(paths.CorpusDir, stoppingToken);
        }
    }

    /// <param name="refresh">Look for a commit by another process.</param>
    /// <param name="changed">The corpus folder changed and settled: re-ingest.</param>
    private void Tick(bool refresh, bool changed, CancellationToken stoppingToken)
    {
        try
        {
            if (refresh)
            {
                index.Refresh();
            }
            if (readiness.State == ReadinessState.NotReady && readiness.Failed && index.Serving)
            {
                // Another process wrote a valid index where this one had none to serve.
                readiness.MarkReady();
            }
            if (changed)
            {
                logger.LogInformation("The corpus folder {CorpusDir} changed: re-ingesting behind the serving index", paths.CorpusDir);
                Ingest(paths.CorpusDir!, stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Refreshing the index in {IndexDir} failed", paths.IndexDir);
        }
    }

    private void Ingest(string corpusDir, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        readiness.IngestStarted();
        try
        {
            if (!Directory.Exists(corpusDir))
            {
                throw new DirectoryNotFoundException($"corpus folder {corpusDir} does not exist");
            }
            logger.LogInformation("Bringing the index in {IndexDir} up to date with {CorpusDir}", paths.IndexDir, corpusDir);
            var progress = new ThrottledProgress(logger, readiness, ProgressInterval, Searchable);
            // Stages that report nothing for a while (indexing, merging) still show in the log that work goes on.
            IngestResult? result;
            using (new Timer(_ => progress.Heartbeat(), null, ProgressInterval, ProgressInterval))
            {
                result = indexer.EnsureCurrent(corpusDir, progress, stoppingToken);
            }
            if (result is not null)
            {
                logger.LogInformation(
                    "Ingested {Documents} documents from {Files} files ({Skipped} skipped, {Duplicates} duplicates merged) in {ElapsedSeconds:F1} s",
                    result.Documents.Count, result.Files, result.Skipped.Count, result.DuplicatesMerged, clock.Elapsed.TotalSeconds);
            }
            Searchable();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Ingest cancelled by shutdown");
        }
        catch (Exception e)
        {
            // No crash loop: the site stays up, serves what it has, and /healthz tells what went wrong.
            logger.LogError(e, "Ingesting {CorpusDir} failed", corpusDir);
            if (index.Serving)
            {
                readiness.MarkDegraded($"the last ingest failed ({e.Message}); serving the index as it was before");
            }
            else
            {
                readiness.MarkFailed($"ingest failed: {e.Message}");
            }
        }
        finally
        {
            readiness.IngestEnded();
        }
    }

    /// <summary>The ingest's commit serves searches: ready (a fresh index's merge may still run behind it).</summary>
    private void Searchable()
    {
        if (readiness.State != ReadinessState.Ready)
        {
            WarmUp();
        }
        readiness.MarkReady();
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

    /// <summary>Shows every report on the About page, and logs one at most once per interval, so a long ingest shows it is alive.</summary>
    /// <param name="searchable">Called when the ingest's commit serves while a merge goes on behind it.</param>
    private sealed class ThrottledProgress(ILogger logger, IndexReadiness readiness, TimeSpan interval, Action searchable) : IProgress<IngestProgress>
    {
        private readonly Stopwatch sinceLast = Stopwatch.StartNew();
        private readonly Stopwatch total = Stopwatch.StartNew();
        private readonly Lock gate = new();
        private IngestProgress? last;

        public void Report(IngestProgress value)
        {
            readiness.ReportProgress(value);
            if (value is { Stage: IngestStages.Merge, FilesDone: 0 })
            {
                searchable();
            }
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
