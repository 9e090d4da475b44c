namespace Corpus.Search.Indexing;

/// <summary>Another writer (a running site's ingest, another <c>corpus ingest</c>) holds the index's write lock.</summary>
public sealed class IndexBusyException(string indexDir, Exception inner)
    : IOException($"{indexDir}: another process (a running site or another `corpus ingest`) is writing this index; try again when it has finished", inner)
{
    public string IndexDir { get; } = indexDir;
}
