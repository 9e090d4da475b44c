using Lucene.Net.Store;

namespace Corpus.Search.Indexing;

/// <summary>
/// The index read with plain file reads for <see cref="CorpusIndex.Verify"/>, not through the maps searches use:
/// checking every byte through maps counts the whole index in the process's resident memory (8.4 GB at a million
/// articles), pages no search may ever need. Reads are buffered 64 KB at a time, not Lucene's 1 KB, which would cost a
/// system call per kilobyte checked.
/// </summary>
internal sealed class ChecksumDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    private const int BufferBytes = 64 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        (input as BufferedIndexInput)?.SetBufferSize(BufferBytes);
        return input;
    }
}
