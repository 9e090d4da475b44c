using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Corpus.Ingest.Dedup;
using Microsoft.Extensions.Logging;

namespace Corpus.Ingest.Processing;

/// <summary>
/// What reading, decoding, normalizing, splitting and sketching made of each file, keyed by the SHA-256 of its content,
/// so that a re-ingest processes only files that are new or changed. Everything that looks across files (years from the
/// folder, deduplication, merging, ids) runs again over the cached results each time, so the outcome is that of a clean
/// ingest. Entries live on disk in packs (<see cref="CachePacks"/>) in a folder beside the index, under the
/// <see cref="Stamp"/> of the code that made them (another build's entries are discarded, and an entry that is damaged
/// or unreadable is logged and made again, never used), and, in a process that ingests again (the site), in memory for
/// the life of the process.
/// </summary>
public sealed class ProcessingCache : IDisposable
{
    /// <summary>Files modified this recently may still change within the clock's resolution: they are hashed every time.</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly ILogger<ProcessingCache> logger;
    private readonly string entriesDir;
    private readonly ConcurrentDictionary<string, IngestedFile>? memory;
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Hash)> stats = new(StringComparer.Ordinal);
    private readonly Lazy<CachePacks?> onDisk;
    private volatile bool disposed;

    /// <summary>The texts of the entry this thread read back last: the articles of one file are wanted one after another
    /// (documents are indexed in corpus order), and parsing a file of a thousand articles once per article would cost
    /// the square of its size.</summary>
    [ThreadStatic]
    private static (ProcessingCache Cache, string Hash, Dictionary<int, string> Texts)? lastReadBack;

    /// <param name="folder">The cache's folder (created when missing); entries go into a subfolder named by <see cref="Stamp"/>.</param>
    /// <param name="keepInMemory">Whether entries also stay in memory. A process that ingests once (the <c>corpus</c>
    /// command) never reads them back there: keeping them would hold every file's texts and sketches through indexing,
    /// raising its peak memory and the garbage collector's work.</param>
    public ProcessingCache(string folder, ILogger<ProcessingCache> logger, bool keepInMemory = true)
    {
        Folder = Path.GetFullPath(folder);
        this.logger = logger;
        memory = keepInMemory ? new ConcurrentDictionary<string, IngestedFile>(StringComparer.Ordinal) : null;
        Merged = keepInMemory ? new MergedGroups() : null;
        Grouping = keepInMemory ? new GroupingState() : null;
        Interleaves = keepInMemory ? new InterleaveMemo() : null;
        entriesDir = Path.Combine(Folder, Stamp);
        onDisk = new Lazy<CachePacks?>(OpenFolder);
    }

    /// <summary>The folder beside an index that holds its corpus's processing cache.</summary>
    public static string BesideIndex(string indexDir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexDir)) + ".cache";

    /// <summary>Identifies the ingest code: deterministic builds give equal module ids for equal code, so any change to a
    /// rule (or to this format) gives new entries.</summary>
    public static string Stamp { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        typeof(ProcessingCache).Assembly.ManifestModule.ModuleVersionId.ToString())))[..16];

    public string Folder { get; }

    /// <summary>Whether entries stay in memory between ingests: false in a process that ingests once.</summary>
    public bool KeepsInMemory => memory is not null;

    /// <summary>The documents the last run merged from these files, so that unchanged groups are not merged again; null in
    /// a process that ingests once, which would only hold every document through indexing for nothing.</summary>
    internal MergedGroups? Merged { get; }

    /// <summary>What the last run's duplicate grouping found, so that the next compares again only what a change can
    /// affect; null in a process that ingests once.</summary>
    internal GroupingState? Grouping { get; }

    /// <summary>What the last run's <see cref="LayoutInterleaves"/> made of each set of linked files; null in a process that
    /// ingests once.</summary>
    internal InterleaveMemo? Interleaves { get; }

    /// <summary>The SHA-256 of a file's content; a file whose size and modification time are unchanged since it was last
    /// hashed in this process is not read again.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public string Hash(string path) => Hash(path, out _);

    /// <summary>The file as processed: from memory, from disk, or processed now and stored. In a process that ingests once,
    /// the articles of an entry on disk come <see cref="ArticleCopy.Released"/>: their texts are read back from it when
    /// wanted, so the ingest holds sketches and metadata, not every text.</summary>
    /// <param name="knownHash">The content hash, when it was just taken (<see cref="IngestPipeline.Survey"/>): not taken again.</param>
    /// <param name="processed">True when the file was processed now (new or changed content, or a missing or damaged entry).</param>
    internal IngestedFile Get(string path, string relativePath, string? knownHash, out bool processed)
    {
        string hash;
        byte[]? bytes = null;
        try
        {
            hash = string.IsNullOrEmpty(knownHash) ? Hash(path, out bytes) : knownHash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            processed = true;
            return FileProcessor.Process(path, relativePath);
        }
        processed = false;
        if (memory is not null && memory.TryGetValue(hash, out var known) || (known = Load(hash, relativePath)) is not null)
        {
            memory?.TryAdd(hash, known);
            return Release(known.File == relativePath ? known : Restamp(known, relativePath));
        }
        processed = true;
        if (bytes is null)
        {
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return FileProcessor.Process(path, relativePath);
            }
            var again = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (again != hash)
            {
                // Changed between hashing and reading: key the result by what was processed.
                stats.TryRemove(path, out _);
                hash = again;
            }
        }
        var file = FileProcessor.Process(relativePath, bytes, hash);
        memory?[hash] = file;
        return Store(file) ? Release(file) : file;
    }

    /// <summary>Forgets, in memory and on disk, every entry whose content is not among <paramref name="hashes"/> (files
    /// removed or changed since).</summary>
    internal void Retain(IReadOnlySet<string> hashes, IReadOnlySet<string> paths)
    {
        foreach (var hash in memory?.Keys.Where(h => !hashes.Contains(h)) ?? [])
        {
            memory!.TryRemove(hash, out _);
        }
        foreach (var path in stats.Keys.Where(p => !paths.Contains(p)))
        {
            stats.TryRemove(path, out _);
        }
        var deleted = onDisk.Value?.Retain(hashes) ?? 0;
        if (deleted > 0)
        {
            logger.LogInformation("Forgot {Deleted} processing cache entries of files no longer in the corpus", deleted);
        }
    }

    public void Dispose()
    {
        disposed = true;
        if (onDisk.IsValueCreated)
        {
            onDisk.Value?.Dispose();
        }
    }

    private string Hash(string path, out byte[]? bytes)
    {
        bytes = null;
        var info = new FileInfo(path);
        var (length, modified) = (info.Length, info.LastWriteTimeUtc);
        if (stats.TryGetValue(path, out var known) && known.Length == length && known.Modified == modified)
        {
            return known.Hash;
        }
        bytes = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.LongLength == length && modified < DateTime.UtcNow - RacyWindow)
        {
            stats[path] = (length, modified, hash);
        }
        return hash;
    }

    private static IngestedFile Restamp(IngestedFile file, string relativePath) => file with
    {
        File = relativePath,
        Articles = [.. file.Articles.Select(a => a with { File = relativePath })],
        Dropped = [.. file.Dropped.Select(d => d with { File = relativePath })],
    };

    private IngestedFile? Load(string hash, string relativePath)
    {
        if (onDisk.Value is not { } packs)
        {
            return null;
        }
        CachePacks.Place place = default;
        try
        {
            return packs.Read(hash, out place) is { } entry ? CacheEntryFormat.Read(entry, Stamp, hash, relativePath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogWarning(
                "Ignoring the processing cache entry of content {ContentHash} in {Entry} ({Problem}): processing {File} again",
                hash, packs.Describe(place), e.Message, relativePath);
            packs.Refuse(hash, place);
            return null;
        }
    }

    /// <returns>Whether the entry is on disk.</returns>
    private bool Store(IngestedFile file)
    {
        if (onDisk.Value is not { } packs)
        {
            return false;
        }
        try
        {
            using var entry = CacheEntryFormat.Write(file, Stamp);
            packs.Append(file.ContentHash, entry.GetBuffer().AsSpan(0, (int)entry.Length));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs time on the next ingest, never correctness.
            logger.LogWarning("Cannot write the processing cache entry of {File} in {Folder}: {Problem}", file.File, entriesDir, e.Message);
            return false;
        }
    }

    /// <summary>The file with its articles' texts let go, when nothing keeps entries in memory anyway (a site keeps them,
    /// to ingest again without reading).</summary>
    private IngestedFile Release(IngestedFile file)
    {
        if (memory is not null || file.Articles.Count == 0)
        {
            return file;
        }
        return file with { Articles = [.. file.Articles.Select(a => a.Released(ReadBackOf(file.ContentHash, file.File, a.Part)))] };
    }

    /// <summary>Captures the hash, path and part alone: capturing the file or the copy would hold the very texts let go.</summary>
    private Func<string> ReadBackOf(string hash, string relativePath, int part) => () => ReadBack(hash, relativePath, part);

    /// <summary>The text of one article of an entry on disk, for a copy whose text was let go.</summary>
    /// <exception cref="IOException">The entry is gone, damaged or unreadable since it was read or written in this run: the ingest
    /// cannot go on without the text, and stops rather than lose it.</exception>
    private string ReadBack(string hash, string relativePath, int part)
    {
        CachePacks.Place place = default;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (lastReadBack is not { } last || last.Cache != this || last.Hash != hash)
            {
                var entry = onDisk.Value?.Read(hash, out place) ?? throw new InvalidDataException("no such entry any more");
                var texts = CacheEntryFormat.Read(entry, Stamp, hash, relativePath).Articles.ToDictionary(a => a.Part, a => a.Text);
                lastReadBack = last = (this, hash, texts);
            }
            return last.Texts.TryGetValue(part, out var text) ? text : throw new InvalidDataException($"the entry has no article {part}");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Named, so that the error says which file's text could not be had (a pack's own read error does not).
            throw new IOException(
                $"Cannot read the text of {relativePath} (part {part}) back from the processing cache entry of content {hash} in "
                + $"{onDisk.Value?.Describe(place) ?? Folder}: {e.Message}", e);
        }
    }

    /// <summary>Discards other builds' entries and lists the entries on disk; null when the folder cannot be used.</summary>
    private CachePacks? OpenFolder()
    {
        try
        {
            Directory.CreateDirectory(entriesDir);
            foreach (var other in Directory.EnumerateDirectories(Folder).Where(d => Path.GetFileName(d) != Stamp))
            {
                logger.LogInformation("Discarding the processing cache {Folder} of another build of the ingest", other);
                Directory.Delete(other, recursive: true);
            }
            return new CachePacks(entriesDir, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot use the processing cache in {Folder}: {Problem}", Folder, e.Message);
            return null;
        }
    }
}
