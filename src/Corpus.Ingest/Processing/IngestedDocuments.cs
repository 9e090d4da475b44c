using System.Collections;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>
/// The documents of an ingest, in corpus order. A document all of whose copies were <see cref="ArticleCopy.Released"/> (a
/// process that ingests once, its processing cache on disk) is merged again from them, reading their texts back, each
/// time it is read: merging is a function of the copies alone, so it comes out the same, and a million documents are
/// never in memory at once. Any other document, and one that a moved layout block changed, is held. Read each document
/// once per pass.
/// </summary>
internal sealed class IngestedDocuments : IReadOnlyList<CleanDocument>
{
    private readonly IReadOnlyList<ArticleCopy>[] groups;
    private readonly ArticleCopy[] chosen;
    private readonly string[] ids;
    private readonly CleanDocument?[] held;

    /// <param name="groups">Each document's copies, in corpus order.</param>
    /// <param name="chosen">The copy of each group that gives the text and metadata.</param>
    /// <param name="ids">Each document's id.</param>
    /// <param name="held">The documents merged already, null where a document is merged when read.</param>
    public IngestedDocuments(IReadOnlyList<ArticleCopy>[] groups, ArticleCopy[] chosen, string[] ids, CleanDocument?[] held)
    {
        (this.groups, this.chosen, this.ids, this.held) = (groups, chosen, ids, held);
    }

    public int Count => groups.Length;

    public CleanDocument this[int index] => held[index] ?? DocumentMerger.Merge(groups[index], chosen[index], ids[index]);

    /// <summary>Whether a group's texts are read back rather than held, so that its document is merged when read.</summary>
    public static bool ReadsBack(IReadOnlyList<ArticleCopy> group) => group.All(c => c.IsReleased);

    /// <summary>The distinct files a document's copies come from (the files of its sources), without merging it.</summary>
    public IEnumerable<string> Files(int index) => groups[index].Select(c => c.File).Distinct(StringComparer.Ordinal);

    /// <summary>Replaces a document by a changed one, which is held from then on.</summary>
    public void Hold(int index, CleanDocument document) => held[index] = document;

    public IEnumerator<CleanDocument> GetEnumerator()
    {
        for (var i = 0; i < groups.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
