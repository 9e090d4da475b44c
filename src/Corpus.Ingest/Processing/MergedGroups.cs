using System.Text;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>
/// The documents the last ingest merged, keyed by exactly what each was merged from: the group's copies (file path,
/// file content hash, position in the file, in corpus order) and the id it got. Choosing and merging depend on nothing
/// else, so a re-ingest merges again only groups that gained, lost or changed a copy or whose id moved, and takes the
/// others as they were: the outcome is that of merging everything again. Kept in memory beside the processing cache.
/// </summary>
internal sealed class MergedGroups
{
    private Dictionary<string, Merged> last = new(StringComparer.Ordinal);

    /// <summary>The key of a group: every copy's file, content hash and part, in order.</summary>
    public static string Key(IReadOnlyList<ArticleCopy> group, IReadOnlyDictionary<string, string> contentHashes)
    {
        var key = new StringBuilder(group.Count * 96);
        foreach (var copy in group)
        {
            key.Append(copy.File).Append('\0').Append(contentHashes[copy.File]).Append('\0').Append(copy.Part).Append('\n');
        }
        return key.ToString();
    }

    /// <summary>The copy chosen for this group last time, or null when the group is new or changed.</summary>
    public ArticleCopy? Chosen(string key, IReadOnlyList<ArticleCopy> group) =>
        last.TryGetValue(key, out var merged) ? group[merged.Chosen] : null;

    /// <summary>The document merged from this group under this id last time, or null.</summary>
    public (CleanDocument Document, IReadOnlyList<ArticleCopy> NotKept)? Document(string key, string id) =>
        last.TryGetValue(key, out var merged) && merged.Document.Id == id ? (merged.Document, merged.NotKept) : null;

    /// <summary>Makes this run's groups (keys, chosen copies, documents and what they did not keep, by group) the ones to
    /// reuse, forgetting the previous run's groups that this one did not have.</summary>
    public void Complete(string[] keys, int[] chosen, CleanDocument[] documents, IReadOnlyList<ArticleCopy>[] notKept)
    {
        var next = new Dictionary<string, Merged>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            next[keys[i]] = new Merged(chosen[i], documents[i], notKept[i]);
        }
        last = next;
    }

    private sealed record Merged(int Chosen, CleanDocument Document, IReadOnlyList<ArticleCopy> NotKept);
}
