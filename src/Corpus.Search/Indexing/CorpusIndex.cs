using System.Runtime.CompilerServices;
using Corpus.Ingest.Model;
using Corpus.Search.Analysis;
using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>The one owner of the index's writer and searchers (SearcherManager).</summary>
/// <remarks>
/// Lucene commits are the index's generations: a writer exists only during <see cref="Replace"/> and commits once at
/// the end (a fresh index once more, merged), so searches go on against the previous commit until the new one is
/// complete, and a process killed mid-ingest leaves the previous commit intact (the next writer deletes the
/// unfinished files). Commits by another
/// process (<c>corpus ingest</c> into the folder a site serves) become visible through <see cref="Refresh"/>.
/// </remarks>
public sealed class CorpusIndex : IDisposable
{
    /// <summary>How much the writer buffers before it flushes a segment; tests lower it to write several segments.</summary>
    internal double RamBufferMb { get; init; } = 256;
    private readonly ILogger<CorpusIndex> logger;
    private readonly Lucene.Net.Store.Directory directory;

    /// <summary>What the writer reads through: plain reads, so that merging leaves the segments it reads in the file cache
    /// rather than mapped into this process (a million articles' last merge put 5 GB of mapped pages in its resident set).</summary>
    private readonly Lucene.Net.Store.Directory writing;
    private readonly System.Threading.Lock gate = new();
    private volatile SearcherManager? searchers;

    /// <summary>Revisions of documents written before: a re-ingest hands back unchanged documents as the same objects,
    /// so their content is not hashed again.</summary>
    private readonly ConditionalWeakTable<CleanDocument, string> revisions = new();

    /// <summary>Why the index could not be opened, until a rebuild replaces it.</summary>
    private volatile string? openFailure;

    /// <summary>Searches running now (see <see cref="Partitioned{T}"/>).</summary>
    private int searching;

    public CorpusIndex(string indexDir, ILogger<CorpusIndex> logger)
    {
        IndexDir = indexDir;
        this.logger = logger;
        // Memory-mapped reads, without the clone tracking of Lucene.Net's MMapDirectory (see MappedDirectory).
        directory = new MappedDirectory(new DirectoryInfo(indexDir));
        writing = new NIOFSDirectory(new DirectoryInfo(indexDir));
        TryOpen();
    }

    public string IndexDir { get; }

    /// <summary>The corpus fingerprint recorded by the last successful <see cref="Replace"/>, or null.</summary>
    public string? Fingerprint => WithSearcher(s => s is null ? null : Metadata(s)?.Fingerprint);

    /// <summary>True when the index was written by this build of the ingest and search code (see <see cref="IndexBuild"/>).</summary>
    public bool WrittenByThisBuild => WithSearcher(s => s is not null && Metadata(s)?.Build == IndexBuild.Stamp);

    /// <summary>
    /// Opens the last commit afresh and verifies every file of it: headers and footers of the per-segment and commit
    /// files on open, then the checksum of every data file (postings, stored fields, doc values, norms).
    /// </summary>
    public IndexCheck Verify()
    {
        lock (gate)
        {
            if (openFailure is not null)
            {
                return new IndexCheck(IndexCondition.Damaged, openFailure);
            }
            try
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    return new IndexCheck(IndexCondition.Missing);
                }
                using var files = new ChecksumDirectory(new DirectoryInfo(IndexDir));
                using var reader = DirectoryReader.Open(files);
                foreach (var leaf in reader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
                return new IndexCheck(IndexCondition.Intact);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Damaged files surface as corrupt-index and end-of-file errors, or as anything a garbled header causes.
                logger.LogError(e, "The index in {IndexDir} is damaged", IndexDir);
                openFailure = Describe(e);
                return new IndexCheck(IndexCondition.Damaged, openFailure);
            }
        }
    }

    /// <summary>True when the index could not be opened or failed <see cref="Verify"/>: the next <see cref="Replace"/> rebuilds it.</summary>
    public bool Damaged => openFailure is not null;

    /// <summary>True when an intact commit serves searches.</summary>
    public bool Serving => searchers is not null && openFailure is null;

    /// <summary>Makes the latest commit in the folder visible (one by another process, or the first one), if any.</summary>
    public void Refresh()
    {
        SearcherManager? manager;
        lock (gate)
        {
            manager = searchers;
            if (manager is null)
            {
                if (openFailure is null)
                {
                    TryOpen();
                }
                return;
            }
        }
        manager.MaybeRefresh();
    }

    /// <summary>
    /// Makes the index hold exactly these documents and commits. An intact index written by this build is updated in
    /// place, rewriting only documents whose revision changed and deleting those gone; otherwise (no index, a damaged
    /// one, another build's) the commit is written afresh. Either way readers switch only once the commit is complete.
    /// </summary>
    /// <returns>How many documents were written and deleted.</returns>
    /// <exception cref="IndexBusyException">Another process is writing the index.</exception>
    public IndexChanges Replace(IngestResult result, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // Lucene creates a missing folder lazily, which races when two threads flush segments at once.
            System.IO.Directory.CreateDirectory(IndexDir);
            if (openFailure is not null)
            {
                DiscardDamaged();
            }
            var fresh = searchers is null || !WrittenByThisBuild;
            logger.LogInformation(
                "Writing {Count} documents into the index in {IndexDir} ({Mode})", result.Documents.Count, IndexDir, fresh ? "afresh" : "changes only");
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, DocumentMapper.Analyzer)
            {
                OpenMode = fresh ? OpenMode.CREATE : OpenMode.APPEND,
                RAMBufferSizeMB = RamBufferMb,
                // Compound files would copy every flushed segment once more; the index keeps few segments anyway.
                UseCompoundFile = false,
            };
            if (fresh)
            {
                config.MergePolicy = new MergedOnceAtTheEnd();
            }
            IndexChanges changes;
            var sentences = new SentenceCache();
            using (var words = new WordsAnalyzer(sentences))
            using (var writer = OpenWriter(config))
            {
                (changes, var characters) = Write(writer, words, result, fresh, revisions, progress, cancellationToken);
                var metadata = new IndexMetadata(
                    result.Fingerprint, result.Files, result.Bytes, result.DuplicatesMerged,
                    characters, result.Skipped, DateTimeOffset.UtcNow, IndexBuild.Stamp);
                writer.SetCommitData(metadata.ToCommitData());
                writer.Commit();
                var (found, segmented) = sentences.Counts;
                logger.LogInformation(
                    "Committed {Count} documents ({Written} written, {Deleted} deleted) in {Seconds:F1} s; {FoundChars} chars of sentences segmented before, {SegmentedChars} segmented anew",
                    result.Documents.Count, changes.Written, changes.Deleted, clock.Elapsed.TotalSeconds, found, segmented);
                ShowLatestCommit();
                if (fresh)
                {
                    MergeIntoOneSegment(writer, result, progress, cancellationToken);
                }
            }
            return changes;
        }
    }

    /// <summary>
    /// Merges a freshly written index into one segment once its first commit serves, and commits that: a search then
    /// reads one terms dictionary and one run of postings per pair instead of one per segment. Against the ten segments
    /// Lucene's own policy left at a million articles, the search page answered 10–15 % faster and the site kept 0.7–2.8 GB
    /// less of the mapped index resident; against five at 100k, 10–15 % faster too. Later ingests update in place and leave merging to
    /// Lucene's policy, since merging everything again for a few changed files would rewrite the whole index.
    /// Cancelled (the site stopping), the merge is abandoned and the first commit stays, complete and only slower.
    /// </summary>
    private void MergeIntoOneSegment(IndexWriter writer, IngestResult result, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var committed = new SegmentInfos();
        committed.Read(writing);
        var segments = committed.Count;
        if (segments <= 1)
        {
            return;
        }
        var count = result.Documents.Count;
        progress?.Report(new IngestProgress(IngestStages.Merge, 0, count, result.Bytes, count));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var merge = Task.Run(() => writer.ForceMerge(1), CancellationToken.None);
        try
        {
            merge.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Abandon(writer, merge);
            logger.LogInformation("Merging the index in {IndexDir} was cancelled: its last commit stays, in {Segments} segments", IndexDir, segments);
            throw;
        }
        catch (AggregateException e)
        {
            // The documents are all committed: a merge that fails (a full disk) costs speed, not the ingest.
            Abandon(writer, merge);
            logger.LogWarning(e.InnerException, "Merging the index in {IndexDir} failed: its last commit stays, complete, in {Segments} segments", IndexDir, segments);
            return;
        }
        writer.Commit();
        logger.LogInformation("Merged the index in {IndexDir} from {Segments} segments into one in {Seconds:F1} s", IndexDir, segments, clock.Elapsed.TotalSeconds);
        progress?.Report(new IngestProgress(IngestStages.Merge, count, count, result.Bytes, count));
        ShowLatestCommit();
    }

    /// <summary>
    /// How a fresh index is merged: not while it is written, then every flushed segment in one pass at the end
    /// (<see cref="MergeIntoOneSegment"/>), so each document's postings are written twice (flushed, merged) rather than
    /// once more for each tier of merges in between.
    /// </summary>
    private sealed class MergedOnceAtTheEnd : TieredMergePolicy
    {
        public MergedOnceAtTheEnd()
        {
            MaxMergeAtOnceExplicit = int.MaxValue;
        }

        public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos) => null;
    }

    /// <summary>Rolls the writer back, which aborts a running merge and keeps the last commit, and waits for the merge to end.</summary>
    private static void Abandon(IndexWriter writer, Task merge)
    {
        writer.Rollback();
        try
        {
            merge.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // An aborted merge ends with an exception.
        }
    }

    /// <summary>Makes searches see the commit just written.</summary>
    private void ShowLatestCommit()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (searchers is null)
        {
            TryOpen();
        }
        else
        {
            searchers.MaybeRefreshBlocking();
        }
        logger.LogInformation("Searches see the new commit after {Seconds:F1} s more", clock.Elapsed.TotalSeconds);
    }

    /// <returns>The changes, and the characters of all documents' texts.</returns>
    private static (IndexChanges Changes, long Characters) Write(
        IndexWriter writer, WordsAnalyzer words, IngestResult result, bool fresh, ConditionalWeakTable<CleanDocument, string> revisions,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        // The writer's own view of the commit it opened: a commit by another process since our searcher opened counts.
        Dictionary<string, string> previous = [];
        if (!fresh)
        {
            using var opened = DirectoryReader.Open(writer, applyAllDeletes: true);
            previous = IndexRevisions.Read(opened);
        }
        // One pass, each document read once: a large ingest reads its documents' texts back as they are indexed
        // (IngestResult.Documents). Analysis dominates indexing and IndexWriter is thread-safe: one document per task on
        // every core; hashing every document is most of an incremental ingest's index stage, so it runs there too.
        var documents = result.Documents;
        var ids = new string[documents.Count];
        long characters = 0;
        var (done, written) = (0, 0);
        progress?.Report(new IngestProgress(IngestStages.Index, 0, documents.Count, result.Bytes, documents.Count));
        Parallel.For(
            0, documents.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                var document = documents[i];
                ids[i] = document.Id;
                if (Interlocked.Increment(ref done) % 500 == 0)
                {
                    progress?.Report(new IngestProgress(IngestStages.Index, Volatile.Read(ref done), documents.Count, result.Bytes, documents.Count));
                }
                Interlocked.Add(ref characters, document.Text.Length);
                var revision = revisions.GetValue(document, DocumentMapper.Revision);
                if (previous.TryGetValue(document.Id, out var known) && known == revision)
                {
                    return;
                }
                var lucene = DocumentMapper.ToLucene(document, revision, words);
                if (fresh)
                {
                    writer.AddDocument(lucene);
                }
                else
                {
                    writer.UpdateDocument(new Term(FieldNames.Id, document.Id), lucene);
                }
                Interlocked.Increment(ref written);
            });
        var current = ids.ToHashSet(StringComparer.Ordinal);
        var gone = previous.Keys.Where(id => !current.Contains(id)).Select(id => new Term(FieldNames.Id, id)).ToArray();
        if (gone.Length > 0)
        {
            writer.DeleteDocuments(gone);
        }
        progress?.Report(new IngestProgress(IngestStages.Commit, documents.Count, documents.Count, result.Bytes, documents.Count));
        return (new IndexChanges(fresh, written, gone.Length), characters);
    }

    private IndexWriter OpenWriter(IndexWriterConfig config)
    {
        try
        {
            return new IndexWriter(writing, config);
        }
        catch (LockObtainFailedException e)
        {
            throw new IndexBusyException(IndexDir, e);
        }
    }

    /// <summary>Removes a damaged index's files (under the write lock), so that the rebuild starts from an empty folder.</summary>
    private void DiscardDamaged()
    {
        searchers?.Dispose();
        searchers = null;
        using var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        if (!writeLock.Obtain())
        {
            throw new IndexBusyException(IndexDir, new LockObtainFailedException("write.lock is held"));
        }
        foreach (var file in directory.ListAll().Where(f => f != IndexWriter.WRITE_LOCK_NAME))
        {
            directory.DeleteFile(file);
        }
        logger.LogWarning("Deleted the damaged index in {IndexDir} to rebuild it ({Problem})", IndexDir, openFailure);
        openFailure = null;
    }

    /// <summary>Opens searchers on the last commit when there is one; a commit that cannot be opened marks the index damaged.</summary>
    private void TryOpen()
    {
        try
        {
            if (DirectoryReader.IndexExists(directory))
            {
                searchers = new SearcherManager(directory, null);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never let a damaged index stop the host: report it, and let the owner rebuild.
            logger.LogError(e, "Cannot open the index in {IndexDir}", IndexDir);
            openFailure = Describe(e);
        }
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    /// <summary>Runs <paramref name="use"/> with the current searcher (null while no index exists), released afterwards.</summary>
    internal T WithSearcher<T>(Func<IndexSearcher?, T> use)
    {
        using var lease = Lease();
        return use(lease.Searcher);
    }

    /// <summary>The current searcher until the lease is disposed (for lazy enumerations).</summary>
    internal SearcherLease Lease()
    {
        while (true)
        {
            var manager = searchers;
            if (manager is null)
            {
                return new SearcherLease(null, null);
            }
            try
            {
                return new SearcherLease(manager, manager.Acquire());
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(manager, searchers))
            {
                // A rebuild of a damaged index replaced the manager between the read and the acquire: take the new one.
            }
        }
    }

    /// <summary>Most threads one search uses (see <see cref="Querying.PartitionedSearch"/>): one per core by default, 1 keeps every search on one core.</summary>
    public int SearchParts { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Runs a search with the number of threads it may use: all of <see cref="SearchParts"/> while it is the only
    /// search running, so a lone query uses every core; one while others run, since every core is then busy and
    /// splitting would only add work.
    /// </summary>
    internal T Partitioned<T>(Func<int, T> search)
    {
        var alone = Interlocked.Increment(ref searching) == 1;
        try
        {
            return search(alone ? SearchParts : 1);
        }
        finally
        {
            Interlocked.Decrement(ref searching);
        }
    }

    internal static IndexMetadata? Metadata(IndexSearcher searcher) =>
        searcher.IndexReader is DirectoryReader reader ? IndexMetadata.FromCommitData(reader.IndexCommit.UserData) : null;

    public void Dispose()
    {
        searchers?.Dispose();
        directory.Dispose();
        writing.Dispose();
    }
}
