using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;
using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;
using Microsoft.Extensions.Logging;

namespace Corpus.Ingest;

/// <summary>Read → normalize → split → extract metadata → deduplicate, for a whole corpus folder.</summary>
public sealed class IngestPipeline(ILogger<IngestPipeline> logger)
{
    /// <summary>Share of the decoded text whose dropping is worth a warning: page furniture is a percent or two at most.</summary>
    public const double DroppedShareWarning = 0.02;

    private const int MaxLossWarnings = 20;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Hash over the corpus folder's files (relative paths and content hashes), cheap next to a full run.</summary>
    /// <param name="cache">When given, files whose size and modification time it has seen are not read again.</param>
    public static string Fingerprint(string corpusDir, ProcessingCache? cache = null) => Survey(corpusDir, cache).Fingerprint;

    /// <summary>The corpus folder's files with their content hashes, and the <see cref="Fingerprint"/> over them: a
    /// <see cref="Run(CorpusSurvey, IProgress{IngestProgress}?, CancellationToken, ProcessingCache?)"/> of it lists and
    /// hashes nothing again.</summary>
    /// <param name="cache">When given, files whose size and modification time it has seen are not read again.</param>
    public static CorpusSurvey Survey(string corpusDir, ProcessingCache? cache = null)
    {
        var files = ListFiles(corpusDir);
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                if (cache is not null)
                {
                    hashes[i] = cache.Hash(files[i].Path);
                    return;
                }
                using var stream = File.OpenRead(files[i].Path);
                hashes[i] = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hashes[i] = "";
            }
        });
        return new CorpusSurvey(
            corpusDir, [.. files.Select((f, i) => new SurveyedFile(f.Path, f.Relative, hashes[i]))], Combine(files.Select((f, i) => (f.Relative, hashes[i]))));
    }

    /// <param name="cache">When given, only files whose content it does not hold are processed (and then added to it);
    /// the result is the same as without it.</param>
    public IngestResult Run(
        string corpusDir, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default, ProcessingCache? cache = null) =>
        Run(corpusDir, [.. ListFiles(corpusDir).Select(f => new SurveyedFile(f.Path, f.Relative, null))], progress, cancellationToken, cache);

    /// <summary>Ingests the files of a survey just taken, trusting its content hashes: the processing cache gives the files
    /// it holds by them (a file changed since is read whole and keyed by what was read).</summary>
    public IngestResult Run(
        CorpusSurvey survey, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default, ProcessingCache? cache = null) =>
        Run(survey.CorpusDir, survey.Files, progress, cancellationToken, cache);

    private IngestResult Run(
        string corpusDir, IReadOnlyList<SurveyedFile> files, IProgress<IngestProgress>? progress, CancellationToken cancellationToken,
        ProcessingCache? cache)
    {
        logger.LogInformation("Ingesting {CorpusDir}", corpusDir);
        var clock = Stopwatch.StartNew();
        var (ingested, processed) = ReadAll(files, cache, progress, cancellationToken);
        var readTime = clock.Elapsed;
        Task? retaining = null;
        try
        {
            if (cache is not null)
            {
                // Forgetting gone files' entries touches nothing the rest of the run reads: it goes on beside it.
                retaining = Task.Run(() => cache.Retain(
                    ingested.Select(f => f.ContentHash).ToHashSet(StringComparer.Ordinal), files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal)));
                logger.LogInformation(
                    "Processed {Processed} of {Files} files; the processing cache in {CacheDir} held the others ({ReadSeconds:F2} s)",
                    processed, files.Count, cache.Folder, readTime.TotalSeconds);
            }
            foreach (var skipped in ingested.Where(f => f.SkipReason is not null))
            {
                logger.LogWarning("Skipped {File}: {Reason}", skipped.File, skipped.SkipReason);
            }
            List<ArticleCopy> copies = [.. ingested.SelectMany(f => f.Articles)];
            progress?.Report(new IngestProgress(IngestStages.Dedupe, files.Count, files.Count, ingested.Sum(f => f.Bytes), copies.Count));
            cancellationToken.ThrowIfCancellationRequested();
            var dedupeStart = clock.Elapsed;
            var grouping = cache?.Grouping ?? new GroupingState(forNextRun: false);
            if (!grouping.ForNextRun)
            {
                CollectBetweenStages();
            }
            var groups = DuplicateFinder.Group(
                [.. copies.Select(c => c.Sketch)], i => (copies[i].File, copies[i].Part), i => TextFolder.Fold(copies[i].Text), grouping);
            if (!grouping.ForNextRun)
            {
                DropShinglesOfSingletons(ingested, copies, groups);
                CollectBetweenStages();
            }
            var mergeStart = clock.Elapsed;
            var merged = cache?.Merged;
            var (documents, chosen, notKept) = BuildDocuments(
                copies, groups, merged, merged is null ? null : ingested.ToDictionary(f => f.File, f => f.ContentHash, StringComparer.Ordinal));
            // After the no-loss check of the merge: a block leaves a document only when another document holds it verbatim.
            var moved = LayoutInterleaves.Resolve(documents, cache?.Interleaves);
            var mergeTime = clock.Elapsed - mergeStart;
            foreach (var block in moved)
            {
                logger.LogInformation(
                    "Gave a {Characters}-character block of {File} back from document {From} to document {To}, whose text it is",
                    block.Characters, block.File, block.From, block.To);
            }
            var bytes = ingested.Sum(f => f.Bytes);
            var result = new IngestResult(
                files.Count, bytes, Combine(ingested.Select(f => (f.File, f.ContentHash))), documents,
                [.. ingested.Where(f => f.SkipReason is not null).Select(f => new SkippedFile(f.File, f.SkipReason!))],
                copies.Count - documents.Count,
                [.. ingested.SelectMany(f => f.Dropped)])
            {
                DecodedCharacters = ingested.Sum(f => f.Characters),
                Unaccounted = [.. ingested.SelectMany(f => f.Unaccounted.Select(t => new UnaccountedText(f.File, t))), .. notKept],
                Coverage = Coverage(chosen),
                FilesProcessed = processed,
                Moved = moved,
            };
            ReportLoss(result);
            var seconds = clock.Elapsed.TotalSeconds;
            logger.LogInformation(
                "Ingested {Files} files ({Bytes} bytes) into {Documents} documents from {Articles} articles: {Duplicates} duplicates merged, "
                + "{Skipped} files skipped, in {Seconds:F2} s (read and clean {ReadSeconds:F2} s, group {DedupeSeconds:F2} s, merge "
                + "{MergeSeconds:F2} s; {MegabytesPerSecond:F1} MB/s)",
                result.Files, bytes, documents.Count, copies.Count, result.DuplicatesMerged, result.Skipped.Count, seconds,
                readTime.TotalSeconds, (mergeStart - dedupeStart).TotalSeconds, mergeTime.TotalSeconds, bytes / 1e6 / Math.Max(seconds, 1e-9));
            return result;
        }
        finally
        {
            // The next run must find the cache as this one left it.
            retaining?.GetAwaiter().GetResult();
        }
    }

    private static (IngestedFile[] Files, int Processed) ReadAll(
        IReadOnlyList<SurveyedFile> files, ProcessingCache? cache, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new IngestedFile[files.Count];
        var processed = 0;
        var done = 0;
        long bytesDone = 0;
        var articles = 0;
        progress?.Report(new IngestProgress(IngestStages.Read, 0, files.Count, 0, 0));
        var sinceReport = Stopwatch.StartNew();
        var gate = new object();
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var wasProcessed = true;
            var file = cache is null ? FileProcessor.Process(files[i].Path, files[i].Relative) : cache.Get(files[i].Path, files[i].Relative, files[i].Hash, out wasProcessed);
            results[i] = file;
            if (wasProcessed)
            {
                Interlocked.Increment(ref processed);
            }
            Interlocked.Increment(ref done);
            Interlocked.Add(ref bytesDone, file.Bytes);
            Interlocked.Add(ref articles, file.Articles.Count);
            if (progress is not null && sinceReport.Elapsed >= ProgressInterval)
            {
                lock (gate)
                {
                    if (sinceReport.Elapsed >= ProgressInterval)
                    {
                        sinceReport.Restart();
                        progress.Report(new IngestProgress(IngestStages.Read, Volatile.Read(ref done), files.Count, Interlocked.Read(ref bytesDone), Volatile.Read(ref articles)));
                    }
                }
            }
        });
        return (results, processed);
    }

    /// <summary>Logs what the no-loss check found, and a dropped share above <see cref="DroppedShareWarning"/>.</summary>
    private void ReportLoss(IngestResult result)
    {
        foreach (var text in result.Unaccounted.Take(MaxLossWarnings))
        {
            logger.LogWarning("Text of {File} is in no document and was not recorded as dropped: {Text}", text.File, text.Text);
        }
        if (result.Unaccounted.Count > MaxLossWarnings)
        {
            logger.LogWarning("{More} more sentences are in no document and were not recorded as dropped", result.Unaccounted.Count - MaxLossWarnings);
        }
        if (result.DroppedShare > DroppedShareWarning)
        {
            logger.LogWarning(
                "The ingest dropped {Share:P1} of the decoded text ({Characters} characters: {ByReason})", result.DroppedShare,
                result.Dropped.Sum(d => (long)d.Text.Length), string.Join(", ", result.DroppedCharacters().Select(r => $"{r.Key} {r.Value}")));
        }
    }

    /// <summary>Per field, documents whose text states it, that took it from elsewhere (a year from an article of the same
    /// file and day), or lack it. A date of month and day without a year counts as unknown.</summary>
    private static FieldCoverage Coverage(ArticleCopy[] chosen)
    {
        // From the copies that give the documents their metadata: reading the documents would read every text back.
        var dating = chosen.Select(c => DocumentMerger.Dating(c.Metadata)).ToList();
        static FieldCount Count<T>(IReadOnlyList<T> items, Func<T, bool> stated, Func<T, bool> inferred)
        {
            var s = items.Count(stated);
            var i = items.Count(inferred);
            return new FieldCount(s, i, items.Count - s - i);
        }
        return new FieldCoverage(
            Count(dating, d => d.Date is not null && !d.Inferred, d => d.Date is not null && d.Inferred),
            Count(chosen, c => c.Metadata.Venue is not null, _ => false),
            Count(chosen, c => c.Metadata.Kind is not null, _ => false),
            Count(chosen, c => c.Metadata.Speaker is not null, _ => false),
            Count(chosen, c => c.Metadata.Titled, _ => false))
        {
            DateMonthDayOnly = dating.Count(d => d.MonthDay is not null),
        };
    }

    /// <param name="merged">When given, groups merged by the last run from the same copies under the same id are taken
    /// from it, not merged again (<paramref name="contentHashes"/>: each file's content hash, for its keys).</param>
    private static (IngestedDocuments Documents, ArticleCopy[] Chosen, List<UnaccountedText> NotKept) BuildDocuments(
        List<ArticleCopy> copies, int[] groups, MergedGroups? merged, IReadOnlyDictionary<string, string>? contentHashes)
    {
        var members = new Dictionary<int, List<ArticleCopy>>();
        for (var i = 0; i < copies.Count; i++)
        {
            if (!members.TryGetValue(groups[i], out var list))
            {
                members[groups[i]] = list = [];
            }
            list.Add(copies[i]);
        }
        // Group roots are each group's first copy in corpus order, so documents come out in corpus order.
        IReadOnlyList<ArticleCopy>[] ordered = [.. members.OrderBy(g => g.Key).Select(g => g.Value)];
        var keys = merged is null ? null : new string[ordered.Length];
        var chosen = new ArticleCopy[ordered.Length];
        Parallel.For(0, ordered.Length, i =>
        {
            if (keys is not null)
            {
                keys[i] = MergedGroups.Key(ordered[i], contentHashes!);
            }
            chosen[i] = (keys is null ? null : merged!.Chosen(keys[i], ordered[i])) ?? DocumentMerger.Choose(ordered[i]);
        });
        // Ids are handed out in order, so that collisions resolve the same way every time.
        var ids = new DocumentIds();
        var documentIds = chosen.Select(c => ids.Next(c.Sketch.ContentHash)).ToArray();
        var documents = new CleanDocument?[ordered.Length];
        var notKept = new IReadOnlyList<ArticleCopy>[ordered.Length];
        Parallel.For(0, ordered.Length, i =>
        {
            var readsBack = IngestedDocuments.ReadsBack(ordered[i]);
            if (keys is not null && merged!.Document(keys[i], documentIds[i]) is { } known)
            {
                (documents[i], notKept[i]) = known;
            }
            else if (readsBack && ordered[i].Count == 1)
            {
                // One copy gives the document its headline and text: there is nothing it could fail to keep.
                notKept[i] = [];
            }
            else
            {
                var document = DocumentMerger.Merge(ordered[i], chosen[i], documentIds[i]);
                notKept[i] = [.. NoLossCheck.NotKept(ordered[i], document)];
                documents[i] = readsBack ? null : document;
            }
        });
        // A process that keeps merged groups for the next run holds its texts, so every document here is merged.
        merged?.Complete(keys!, [.. ordered.Select((group, i) => IndexOf(group, chosen[i]))], Array.ConvertAll(documents, d => d!), notKept);
        return (new IngestedDocuments(ordered, chosen, documentIds, documents), chosen,
            [.. notKept.SelectMany(n => n).Select(c => new UnaccountedText(c.File, c.Text))]);
    }

    /// <summary>In a process that ingests once, reading leaves the texts it released and grouping leaves its arrays and the
    /// dropped shingles, gigabytes at a million texts, in the oldest generation and the large object heap, where the
    /// collector would leave them until memory runs short while the next stage allocates on top of them. One compacting
    /// collection at each stage boundary keeps the process's peak near what it holds (a second or two at a million texts).</summary>
    private static void CollectBetweenStages() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>A copy that no other joined is merged from its text and metadata alone. When no later run starts from this
    /// grouping, its shingles (a million sketches are 1.5 GB) go as soon as grouping is done, from the files as well as from
    /// <paramref name="copies"/>, which lists the files' articles in order.</summary>
    private static void DropShinglesOfSingletons(IngestedFile[] ingested, List<ArticleCopy> copies, int[] groups)
    {
        var members = new int[groups.Length];
        foreach (var root in groups)
        {
            members[root]++;
        }
        var i = 0;
        for (var f = 0; f < ingested.Length; f++)
        {
            var articles = ingested[f].Articles;
            if (articles.Count == 0)
            {
                continue;
            }
            var kept = new ArticleCopy[articles.Count];
            for (var a = 0; a < kept.Length; a++, i++)
            {
                copies[i] = kept[a] = members[groups[i]] == 1 ? articles[a] with { Sketch = articles[a].Sketch.Bare() } : articles[a];
            }
            ingested[f] = ingested[f] with { Articles = kept };
        }
    }

    private static int IndexOf(IReadOnlyList<ArticleCopy> group, ArticleCopy copy)
    {
        for (var i = 0; ; i++)
        {
            if (ReferenceEquals(group[i], copy))
            {
                return i;
            }
        }
    }

    /// <summary>Every file under the folder, recursively, in ordinal order of its '/'-separated relative path.</summary>
    private static List<(string Path, string Relative)> ListFiles(string corpusDir)
    {
        var root = Path.GetFullPath(corpusDir);
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => (Path: p, Relative: Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)];
    }

    private static string Combine(IEnumerable<(string Relative, string Hash)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, contentHash) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{contentHash}\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
