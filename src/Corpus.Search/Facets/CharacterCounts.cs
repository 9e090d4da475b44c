using System.Runtime.CompilerServices;
using Corpus.Search.Indexing;
using Lucene.Net.Index;

namespace Corpus.Search.Facets;

/// <summary>Each document's character count (title and text) read once per reader from doc values, like <see cref="DateKeys"/>.</summary>
internal sealed class CharacterCounts
{
    private static readonly ConditionalWeakTable<IndexReader, CharacterCounts> Cache = new();
    private readonly Dictionary<object, long[]> bySegment;

    private CharacterCounts(Dictionary<object, long[]> bySegment) => this.bySegment = bySegment;

    public static CharacterCounts For(IndexReader reader) => Cache.GetValue(reader, Build);

    public long[] ForSegment(AtomicReaderContext leaf) => bySegment[leaf.AtomicReader.CoreCacheKey];

    private static CharacterCounts Build(IndexReader reader)
    {
        var bySegment = new Dictionary<object, long[]>();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(FieldNames.Characters);
            var counts = new long[leaf.AtomicReader.MaxDoc];
            if (values is not null)
            {
                for (var doc = 0; doc < counts.Length; doc++)
                {
                    counts[doc] = values.Get(doc);
                }
            }
            bySegment[leaf.AtomicReader.CoreCacheKey] = counts;
        }
        return new CharacterCounts(bySegment);
    }
}
