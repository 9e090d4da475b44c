using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Corpus.Search.Facets;

/// <summary>
/// One SortedSet doc-values dimension (venue or kind) mapped to dense global ordinals once per reader: each segment's
/// ordinals translate through an array, so counting a document is two array lookups.
/// </summary>
internal sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, FacetOrdinals>> Cache = new();
    private readonly Dictionary<object, int[]> segmentToGlobal;

    private FacetOrdinals(IReadOnlyList<string> labels, Dictionary<object, int[]> segmentToGlobal)
    {
        Labels = labels;
        this.segmentToGlobal = segmentToGlobal;
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

    /// <summary>Segment ordinal → global ordinal for one leaf (empty when the leaf has no values).</summary>
    public int[] ForSegment(AtomicReaderContext leaf) =>
        segmentToGlobal.TryGetValue(leaf.AtomicReader.CoreCacheKey, out var map) ? map : [];

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
        var perSegment = new List<(object Key, string[] Labels)>();
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
            perSegment.Add((leaf.AtomicReader.CoreCacheKey, segmentLabels));
        }
        var global = labels.ToList();
        var index = global.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var segmentToGlobal = perSegment.ToDictionary(s => s.Key, s => s.Labels.Select(l => index[l]).ToArray());
        return new FacetOrdinals(global, segmentToGlobal);
    }
}
