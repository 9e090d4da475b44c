using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Corpus.Search.Facets;

/// <summary>
/// One SortedSet doc-values dimension (venue or kind) mapped to dense global ordinals once per reader, down to one
/// global ordinal per document and segment (-1: none), so counting or filtering a document is one array read.
/// (Reading doc values per matching document cost a third of the search time for phrases in every document.)
/// </summary>
internal sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, FacetOrdinals>> Cache = new();
    private readonly Dictionary<object, int[]> docToGlobal;

    private FacetOrdinals(IReadOnlyList<string> labels, Dictionary<object, int[]> docToGlobal)
    {
        Labels = labels;
        this.docToGlobal = docToGlobal;
    }

    public IReadOnlyList<string> Labels { get; }

    public static FacetOrdinals For(IndexReader reader, string field)
    {
        var byField = Cache.GetValue(reader, _ => []);
        lock (byField)
        {
            if (!byField.TryGetValue(field, out var ordinals))
            {
                ordinals = Build(reader, field);
                byField[field] = ordinals;
            }
            return ordinals;
        }
    }

    /// <summary>Document → global ordinal (-1 for none) for one leaf.</summary>
    public int[] ForSegment(AtomicReaderContext leaf) => docToGlobal[leaf.AtomicReader.CoreCacheKey];

    public int IndexOf(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static FacetOrdinals Build(IndexReader reader, string field)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var perSegment = new List<(AtomicReader Reader, SortedSetDocValues? Values, string[] Labels)>();
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetSortedSetDocValues(field);
            var segmentLabels = new string[values?.ValueCount ?? 0];
            for (var ord = 0; ord < segmentLabels.Length; ord++)
            {
                values!.LookupOrd(ord, bytes);
                segmentLabels[ord] = bytes.Utf8ToString();
                labels.Add(segmentLabels[ord]);
            }
            perSegment.Add((leaf.AtomicReader, values, segmentLabels));
        }
        var global = labels.ToList();
        var index = global.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var docToGlobal = new Dictionary<object, int[]>();
        foreach (var (segment, values, segmentLabels) in perSegment)
        {
            var toGlobal = segmentLabels.Select(l => index[l]).ToArray();
            var docs = new int[segment.MaxDoc];
            for (var doc = 0; doc < docs.Length; doc++)
            {
                var ord = -1L;
                if (values is not null)
                {
                    values.SetDocument(doc);
                    ord = values.NextOrd();
                }
                docs[doc] = ord < 0 ? -1 : toGlobal[ord];
            }
            docToGlobal[segment.CoreCacheKey] = docs;
        }
        return new FacetOrdinals(global, docToGlobal);
    }
}
