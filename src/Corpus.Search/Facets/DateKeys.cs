using System.Runtime.CompilerServices;
using Corpus.Search.Indexing;
using Lucene.Net.Index;

namespace Corpus.Search.Facets;

/// <summary>Each document's date key (0: none) read once per reader into arrays, like <see cref="FacetOrdinals"/>.</summary>
internal sealed class DateKeys
{
    private static readonly ConditionalWeakTable<IndexReader, DateKeys> Cache = new();
    private readonly Dictionary<object, int[]> bySegment;

    private DateKeys(Dictionary<object, int[]> bySegment) => this.bySegment = bySegment;

    public static DateKeys For(IndexReader reader) => Cache.GetValue(reader, Build);

    public int[] ForSegment(AtomicReaderContext leaf) => bySegment[leaf.AtomicReader.CoreCacheKey];

    /// <summary>The date key of a top-level document id.</summary>
    public int ForDocument(IList<AtomicReaderContext> leaves, int doc)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return ForSegment(leaf)[doc - leaf.DocBase];
    }

    private static DateKeys Build(IndexReader reader)
    {
        var bySegment = new Dictionary<object, int[]>();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(FieldNames.Date);
            var keys = new int[leaf.AtomicReader.MaxDoc];
            if (values is not null)
            {
                for (var doc = 0; doc < keys.Length; doc++)
                {
                    keys[doc] = (int)values.Get(doc);
                }
            }
            bySegment[leaf.AtomicReader.CoreCacheKey] = keys;
        }
        return new DateKeys(bySegment);
    }
}
