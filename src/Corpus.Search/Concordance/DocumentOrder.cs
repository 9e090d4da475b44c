using Corpus.Search.Facets;
using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Corpus.Search.Concordance;

/// <summary>A result document with what orders it: its date key (0: none) and its id.</summary>
internal readonly record struct DocumentRef(int Doc, int DateKey, string Id);

internal static class DocumentOrder
{
    /// <summary>
    /// The documents with their date keys and ids, sorted by <paramref name="compare"/>. Ids come from the id
    /// field's terms (Lucene's per-segment field cache), not from stored fields, so ordering reads no document.
    /// </summary>
    public static List<DocumentRef> Sort(IndexReader reader, IEnumerable<int> docs, Func<int, string, int, string, int> compare)
    {
        var leaves = reader.Leaves;
        var dates = DateKeys.For(reader);
        var bytes = new BytesRef();
        var ids = new Dictionary<int, BinaryDocValues>();
        var list = new List<DocumentRef>();
        foreach (var doc in docs)
        {
            var leafIndex = ReaderUtil.SubIndex(doc, leaves);
            var leaf = leaves[leafIndex];
            if (!ids.TryGetValue(leafIndex, out var values))
            {
                values = FieldCache.DEFAULT.GetTerms(leaf.AtomicReader, FieldNames.Id, false);
                ids[leafIndex] = values;
            }
            values.Get(doc - leaf.DocBase, bytes);
            list.Add(new DocumentRef(doc, dates.ForSegment(leaf)[doc - leaf.DocBase], bytes.Utf8ToString()));
        }
        list.Sort((x, y) => compare(x.DateKey, x.Id, y.DateKey, y.Id));
        return list;
    }

    /// <summary>By id alone: the order in which sampling and counting visit documents.</summary>
    public static List<DocumentRef> ById(IndexReader reader, IEnumerable<int> docs) =>
        Sort(reader, docs, static (_, x, _, y) => string.CompareOrdinal(x, y));
}
