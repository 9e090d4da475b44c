using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Corpus.Ingest.Processing;

/// <summary>
/// The processing cache's entries on disk, appended to pack files rather than written one file each: creating a file
/// costs the file system about half a millisecond, as much as processing a small one, and a first ingest writes an
/// entry for every file. A pack is a plain run of <see cref="CacheEntryFormat"/> entries, each self-delimiting and
/// self-checking, so listing reads their headers only and a torn end (a process killed mid-write) is where the listing
/// stops. Each process appends to a pack of its own, named so that packs list in the order they were started; an entry
/// listed again later supersedes the earlier one. Entries forgotten or refused leave dead bytes, and a pack that is
/// half dead is compacted: its live entries are appended anew and the file deleted.
/// </summary>
internal sealed class CachePacks : IDisposable
{
    private const string Extension = ".pack";

    private readonly Lock gate = new();
    private readonly string folder;
    private readonly ILogger logger;
    private readonly Dictionary<string, Place> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pack> packs = new(StringComparer.Ordinal);
    private FileStream? writer;
    private string? writing;
    private bool disposed;

    /// <summary>Lists the entries of every pack in <paramref name="folder"/>.</summary>
    public CachePacks(string folder, ILogger logger)
    {
        this.folder = folder;
        this.logger = logger;
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            try
            {
                List(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Cannot read the processing cache pack {Pack}: {Problem}", path, e.Message);
            }
        }
    }

    /// <summary>The entry's bytes, unchecked (<see cref="CacheEntryFormat.Read"/> checks them), or null when none is listed.</summary>
    /// <param name="place">Where they were read, for <see cref="Refuse"/> and messages.</param>
    /// <exception cref="IOException">The pack cannot be read, or ends before the entry does.</exception>
    /// <exception cref="UnauthorizedAccessException">The pack cannot be read.</exception>
    public byte[]? Read(string contentHash, out Place place)
    {
        SafeFileHandle handle;
        var held = false;
        lock (gate)
        {
            if (disposed || !entries.TryGetValue(contentHash, out place))
            {
                place = default;
                return null;
            }
            handle = Handle(place.Pack);
            // Read outside the lock; a compaction that closes the handle meanwhile leaves it open until this read ends.
            handle.DangerousAddRef(ref held);
        }
        try
        {
            return ReadWhole(handle, place);
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    /// <summary>The pack file and byte an entry was read at, for messages.</summary>
    public string Describe(Place place) => place.Pack is null ? folder : $"{Path.Combine(folder, place.Pack)} at byte {place.Offset}";

    /// <summary>Unlists an entry that failed its checks, unless another has been listed for its content since; its bytes
    /// are dead.</summary>
    public void Refuse(string contentHash, Place place)
    {
        lock (gate)
        {
            if (entries.TryGetValue(contentHash, out var listed) && listed == place)
            {
                Unlist(contentHash);
            }
        }
    }

    /// <summary>Appends an entry to this process's pack (started on the first append) and lists it.</summary>
    /// <exception cref="IOException">The pack cannot be written; nothing is listed, and the next append starts another pack.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void Append(string contentHash, ReadOnlySpan<byte> entry)
    {
        lock (gate)
        {
            if (!disposed)
            {
                AppendLocked(contentHash, entry);
            }
        }
    }

    /// <summary>Unlists every entry whose content is not among <paramref name="keep"/>, then compacts the packs that are
    /// half dead or more.</summary>
    /// <returns>How many entries were unlisted.</returns>
    public int Retain(IReadOnlySet<string> keep)
    {
        lock (gate)
        {
            var gone = entries.Keys.Where(h => !keep.Contains(h)).ToList();
            gone.ForEach(Unlist);
            foreach (var (name, pack) in packs.Where(p => p.Value.Length > 0 && 2 * p.Value.Dead >= p.Value.Length).ToList())
            {
                Compact(name, pack);
            }
            return gone.Count;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            writer?.Dispose();
            writer = null;
            foreach (var pack in packs.Values)
            {
                pack.Handle?.Dispose();
                pack.Handle = null;
            }
        }
    }

    /// <summary>Lists the entries of one pack, up to its end or to the first bytes that do not start an entry.</summary>
    private void List(string path)
    {
        var name = Path.GetFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var length = stream.Length;
        var pack = packs[name] = new Pack { Length = length };
        var head = new byte[CacheEntryFormat.MaxHeaderBytes];
        long offset = 0;
        while (offset < length)
        {
            stream.Position = offset;
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (!CacheEntryFormat.TryMeasure(head.AsSpan(0, read), out var hash, out var entryLength) || entryLength > length - offset)
            {
                logger.LogWarning(
                    "The processing cache pack {Pack} holds no whole entry from byte {Offset} on ({Bytes} bytes, a torn or damaged write): "
                    + "files whose entries were there are processed again", path, offset, length - offset);
                pack.Dead += length - offset;
                break;
            }
            Unlist(hash);
            entries[hash] = new Place(name, offset, entryLength);
            offset += entryLength;
        }
    }

    private void AppendLocked(string contentHash, ReadOnlySpan<byte> entry)
    {
        if (writer is null)
        {
            Directory.CreateDirectory(folder);
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}{Extension}";
            // Unbuffered: each entry goes to the operating system (not to the disk) in one write, so readers in this
            // process and others see it at once, and a failed write leaves nothing behind to be written again.
            writer = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
            writing = name;
            packs[name] = new Pack();
        }
        var offset = writer.Position;
        try
        {
            writer.Write(entry);
        }
        catch (IOException)
        {
            // A pack must never hold a torn entry before whole ones: this one ends here, and the next append starts another.
            packs[writing!].Length = offset;
            EndPack();
            throw;
        }
        Unlist(contentHash);
        entries[contentHash] = new Place(writing!, offset, entry.Length);
        packs[writing!].Length = writer.Position;
    }

    private void Unlist(string contentHash)
    {
        if (entries.Remove(contentHash, out var old))
        {
            packs[old.Pack].Dead += old.Length;
        }
    }

    /// <summary>Appends the pack's live entries anew and deletes it. A failure leaves it as it is, to try again next time.</summary>
    private void Compact(string name, Pack pack)
    {
        var path = Path.Combine(folder, name);
        try
        {
            if (name == writing)
            {
                EndPack();
            }
            foreach (var (hash, at) in entries.Where(e => e.Value.Pack == name).ToList())
            {
                AppendLocked(hash, ReadWhole(Handle(name), at));
            }
            pack.Handle?.Dispose();
            packs.Remove(name);
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot compact the processing cache pack {Pack}: {Problem}", path, e.Message);
        }
    }

    private void EndPack()
    {
        var ended = writer;
        (writer, writing) = (null, null);
        try
        {
            ended?.Dispose();
        }
        catch (IOException)
        {
            // Nothing is buffered; a failure to close loses nothing listed.
        }
    }

    private static byte[] ReadWhole(SafeFileHandle handle, Place at)
    {
        var bytes = new byte[at.Length];
        var done = 0;
        while (done < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan(done), at.Offset + done);
            done += read > 0 ? read : throw new EndOfStreamException("the pack ends inside the entry");
        }
        return bytes;
    }

    private SafeFileHandle Handle(string name)
    {
        var pack = packs[name];
        return pack.Handle ??= File.OpenHandle(Path.Combine(folder, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>Where an entry lies: its pack file's name, first byte and length.</summary>
    internal readonly record struct Place(string Pack, long Offset, int Length);

    private sealed class Pack
    {
        public long Length { get; set; }

        /// <summary>Bytes of entries superseded, forgotten or refused, and of a torn end.</summary>
        public long Dead { get; set; }

        public SafeFileHandle? Handle { get; set; }
    }
}
