using System.Runtime.CompilerServices;
using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Corpus.Search.Words;

/// <summary>
/// How often each word of the words field (SmartCn segmentation of the body) occurs in a set of documents, summed
/// from the postings' term frequencies: the index already holds the segmentation, so nothing is segmented again.
/// </summary>
internal sealed class WordCounts(Dictionary<string, long> counts, long tokens, int documents)
{
    private static readonly ConditionalWeakTable<IndexReader, WordCounts> CorpusCache = new();

    public IReadOnlyDictionary<string, long> Counts => counts;

    public long Tokens => tokens;

    public int Documents => documents;

    public long Of(string word) => counts.GetValueOrDefault(word);

    /// <summary>The whole corpus, counted once per reader (one index generation) and kept while the reader lives.</summary>
    public static WordCounts Corpus(IndexReader reader) => CorpusCache.GetValue(reader, r => Count(r, null));

    /// <summary>The documents in <paramref name="selected"/> (per segment, by core key), or every live document when null.</summary>
    public static WordCounts Count(IndexReader reader, IReadOnlyDictionary<object, FixedBitSet>? selected)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long tokens = 0;
        var documents = 0;
        DocsEnum? postings = null;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            FixedBitSet? bits = null;
            if (selected is not null && !selected.TryGetValue(segment.CoreCacheKey, out bits))
            {
                continue;
            }
            documents += bits?.Cardinality ?? segment.NumDocs;
            var terms = segment.GetTerms(FieldNames.BodyWords);
            if (terms is null)
            {
                continue;
            }
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                postings = termsEnum.Docs(segment.LiveDocs, postings, DocsFlags.FREQS);
                long sum = 0;
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    if (bits is null || bits.Get(doc))
                    {
                        sum += postings.Freq;
                    }
                }
                if (sum > 0)
                {
                    var word = termsEnum.Term.Utf8ToString();
                    counts[word] = counts.GetValueOrDefault(word) + sum;
                    tokens += sum;
                }
            }
        }
        return new WordCounts(counts, tokens, documents);
    }
}
