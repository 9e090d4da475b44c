using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Corpus.Search.Indexing;

/// <summary>Reads which revision of each document an index holds, so a re-ingest rewrites only the documents that changed.</summary>
internal static class IndexRevisions
{
    /// <returns>Document id → revision, for live documents only (terms of deleted documents linger until a merge).</returns>
    public static Dictionary<string, string> Read(IndexReader reader)
    {
        var revisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (atomic.GetTerms(FieldNames.Revision) is not { } terms)
            {
                continue;
            }
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                docs = termsEnum.Docs(atomic.LiveDocs, docs, DocsFlags.NONE);
                if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var (id, revision) = DocumentMapper.SplitRevision(termsEnum.Term.Utf8ToString());
                    revisions[id] = revision;
                }
            }
        }
        return revisions;
    }
}
