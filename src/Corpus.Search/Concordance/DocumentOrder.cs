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
        var refs = new DocumentRefs(reader);
        var list = docs.Select(refs.Of).ToList();
        list.Sort((x, y) => compare(x.DateKey, x.Id, y.DateKey, y.Id));
        return list;
    }

    /// <summary>By id alone: the order in which sampling and counting visit documents.</summary>
    public static List<DocumentRef> ById(IndexReader reader, IEnumerable<int> docs) =>
        Sort(reader, docs, static (_, x, _, y) => string.CompareOrdinal(x, y));
}

/// <summary>The <see cref="DocumentRef"/> of a reader's documents, from doc values and the field cache.</summary>
internal sealed class DocumentRefs(IndexReader reader)
{
    private readonly IList<AtomicReaderContext> leaves = reader.Leaves;
    private readonly DateKeys dates = DateKeys.For(reader);
    private readonly Dictionary<int, BinaryDocValues> ids = [];
    private readonly BytesRef bytes = new();

    /// <param name="doc">A top-level document id.</param>
    public DocumentRef Of(int doc)
    {
        var leafIndex = ReaderUtil.SubIndex(doc, leaves);
        var leaf = leaves[leafIndex];
        if (!ids.TryGetValue(leafIndex, out var values))
        {
            values = FieldCache.DEFAULT.GetTerms(leaf.AtomicReader, FieldNames.Id, false);
            ids[leafIndex] = values;
        }
        values.Get(doc - leaf.DocBase, bytes);
        return new DocumentRef(doc, dates.ForSegment(leaf)[doc - leaf.DocBase], bytes.Utf8ToString());
    }
}
