using Corpus.Ingest.Model;
using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>The one owner of the index's writer and searchers (SearcherManager).</summary>
/// <remarks>
/// The writer exists only during <see cref="Replace"/>, so read-only users (the CLI next to a running site) never
/// take the write lock. Searches go on during a replace against the previous commit; the new commit becomes
/// visible when it is complete.
/// </remarks>
public sealed class CorpusIndex : IDisposable
{
    private const double RamBufferMb = 256;
    private readonly ILogger<CorpusIndex> logger;
    private readonly Lucene.Net.Store.Directory directory;
    private readonly System.Threading.Lock replaceGate = new();
    private SearcherManager? searchers;

    public CorpusIndex(string indexDir, ILogger<CorpusIndex> logger)
    {
        IndexDir = indexDir;
        this.logger = logger;
        // Not MMapDirectory (what FSDirectory.Open picks): Lucene.Net tracks every clone of a mapped input in a weak map
        // that each new clone scans, so per-query cost grew with uncollected garbage (throughput fell 40 % within a
        // minute under load). Positional reads through the OS page cache keep it flat.
        directory = new NIOFSDirectory(new DirectoryInfo(indexDir));
        if (DirectoryReader.IndexExists(directory))
        {
            searchers = new SearcherManager(directory, null);
        }
    }

    public string IndexDir { get; }

    /// <summary>The corpus fingerprint recorded by the last successful <see cref="Replace"/>, or null.</summary>
    public string? Fingerprint => WithSearcher(s => s is null ? null : Metadata(s)?.Fingerprint);

    /// <summary>True when the index was written by this build of the ingest and search code (see <see cref="IndexBuild"/>).</summary>
    public bool WrittenByThisBuild => WithSearcher(s => s is not null && Metadata(s)?.Build == IndexBuild.Stamp);

    /// <summary>Makes the index hold exactly these documents (update by id, delete the rest), commits, refreshes searchers.</summary>
    public void Replace(IngestResult result, CancellationToken cancellationToken = default)
    {
        lock (replaceGate)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            logger.LogInformation("Replacing the index in {IndexDir} with {Count} documents", IndexDir, result.Documents.Count);
            // Lucene creates a missing folder lazily, which races when two threads flush segments at once.
            System.IO.Directory.CreateDirectory(IndexDir);
            var previousIds = WithSearcher(s => s is null ? [] : StoredIds(s.IndexReader));
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, DocumentMapper.Analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = RamBufferMb,
                // Compound files would copy every flushed segment once more; the index keeps few segments anyway.
                UseCompoundFile = false,
            };
            using (var writer = new IndexWriter(directory, config))
            {
                // Analysis dominates indexing and IndexWriter is thread-safe: one document per task on every core.
                Parallel.ForEach(
                    result.Documents,
                    new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                    document =>
                    {
                        var lucene = DocumentMapper.ToLucene(document);
                        if (previousIds.Count == 0)
                        {
                            writer.AddDocument(lucene);
                        }
                        else
                        {
                            writer.UpdateDocument(new Term(FieldNames.Id, document.Id), lucene);
                        }
                    });
                var current = result.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                var gone = previousIds.Where(id => !current.Contains(id)).Select(id => new Term(FieldNames.Id, id)).ToArray();
                if (gone.Length > 0)
                {
                    writer.DeleteDocuments(gone);
                }
                var metadata = new IndexMetadata(
                    result.Fingerprint, result.Files, result.Bytes, result.DuplicatesMerged,
                    result.Documents.Sum(d => (long)d.Text.Length), result.Skipped, DateTimeOffset.UtcNow, IndexBuild.Stamp);
                writer.SetCommitData(metadata.ToCommitData());
                writer.Commit();
                logger.LogInformation(
                    "Indexed {Count} documents, deleted {Deleted}, in {Seconds:F1} s", result.Documents.Count, gone.Length,
                    clock.Elapsed.TotalSeconds);
            }
            if (searchers is null)
            {
                searchers = new SearcherManager(directory, null);
            }
            else
            {
                searchers.MaybeRefreshBlocking();
            }
        }
    }

    /// <summary>Runs <paramref name="use"/> with the current searcher (null while no index exists), released afterwards.</summary>
    internal T WithSearcher<T>(Func<IndexSearcher?, T> use)
    {
        using var lease = Lease();
        return use(lease.Searcher);
    }

    /// <summary>The current searcher until the lease is disposed (for lazy enumerations).</summary>
    internal SearcherLease Lease()
    {
        var manager = searchers;
        return manager is null ? new SearcherLease(null, null) : new SearcherLease(manager, manager.Acquire());
    }

    internal static IndexMetadata? Metadata(IndexSearcher searcher) =>
        searcher.IndexReader is DirectoryReader reader ? IndexMetadata.FromCommitData(reader.IndexCommit.UserData) : null;

    private static List<string> StoredIds(IndexReader reader)
    {
        var ids = new List<string>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(FieldNames.Id);
            if (terms is null)
            {
                continue;
            }
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                ids.Add(termsEnum.Term.Utf8ToString());
            }
        }
        return ids;
    }

    public void Dispose()
    {
        searchers?.Dispose();
        directory.Dispose();
    }
}
