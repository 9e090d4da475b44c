using System.IO.MemoryMappedFiles;

namespace Corpus.Search.Indexing;

/// <summary>
/// One index file mapped read-only into memory, unmapped when the last <see cref="MappedInput"/> over it is collected
/// (index files are written once and never change, so the mapping never goes stale).
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? view;

    private MappedFile(MemoryMappedViewAccessor? view, byte* start, long length)
    {
        this.view = view;
        Start = start;
        Length = length;
    }

    ~MappedFile()
    {
        // The view's own handle is a critical finalizer, so it runs after this one: the pointer is released first.
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }
    }

    public byte* Start { get; }

    public long Length { get; }

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            // An empty file cannot be mapped; nothing is ever read from it.
            return new MappedFile(null, null, 0);
        }
        // The view outlives the file handle and the mapping object: the operating system keeps the pages mapped.
        using var mapping = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = mapping.CreateViewAccessor(0, stream.Length, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        return new MappedFile(view, start + view.PointerOffset, stream.Length);
    }
}
