using Lucene.Net.Index;

namespace Corpus.Search.Concordance;

/// <summary>
/// The occurrences of recent concordances in their order (a context order or document order), so that a page at any
/// depth is a seek rather than a pass over every occurrence. Keyed by the request (query, filters, sort keys, collation, width) and valid for one
/// index reader: a refreshed searcher empties it. Least recently used entries go first once the entries together
/// pass <see cref="MaxBytes"/>; a concordance too large to sort in memory is remembered as such (null).
/// </summary>
internal sealed class ConcordanceSortCache
{
    /// <summary>All entries together: ample for hundreds of concordances of 50,000 lines.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<ICachedOccurrences?> Value)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<ICachedOccurrences?> Value)> recency = new();
    private readonly HashSet<Lazy<ICachedOccurrences?>> counted = [];
    private object? reader;
    private long bytes;

    /// <summary>The cached occurrences for <paramref name="key"/> on this reader, built by <paramref name="build"/> once when missing (concurrent askers wait for that one build).</summary>
    public T? GetOrAdd<T>(IndexReader indexReader, string key, Func<T?> build) where T : class, ICachedOccurrences
    {
        // The type is part of the key: one request may be held as counts and as a sorted list.
        key = typeof(T).Name + " " + key;
        Lazy<ICachedOccurrences?> value;
        lock (gate)
        {
            if (!ReferenceEquals(reader, indexReader))
            {
                // A new index generation: every cached order may have changed.
                entries.Clear();
                recency.Clear();
                counted.Clear();
                bytes = 0;
                reader = indexReader;
            }
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = node.Value.Value;
            }
            else
            {
                value = new Lazy<ICachedOccurrences?>(build, LazyThreadSafetyMode.ExecutionAndPublication);
                entries[key] = recency.AddFirst((key, value));
            }
        }
        var built = value.Value;
        lock (gate)
        {
            Account(key, value, built);
        }
        return (T?)built;
    }

    private void Account(string key, Lazy<ICachedOccurrences?> value, ICachedOccurrences? built)
    {
        if (!entries.TryGetValue(key, out var node) || !ReferenceEquals(node.Value.Value, value) || counted.Contains(value))
        {
            return;
        }
        counted.Add(value);
        bytes += built?.Bytes ?? 0;
        while (bytes > MaxBytes && recency.Last is { } oldest && !ReferenceEquals(oldest, node))
        {
            recency.RemoveLast();
            entries.Remove(oldest.Value.Key);
            if (counted.Remove(oldest.Value.Value))
            {
                bytes -= oldest.Value.Value.Value?.Bytes ?? 0;
            }
        }
    }
}
