using Corpus.Search.Analysis;
using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Corpus.Search.Words;

/// <summary>Hands out the <see cref="DocumentWords"/> of a reader's documents, their boundaries read from doc values.</summary>
internal sealed class IndexedWords(IndexReader reader)
{
    private readonly IList<AtomicReaderContext> leaves = reader.Leaves;
    private readonly Dictionary<int, BinaryDocValues?> values = [];
    private readonly BytesRef bytes = new();

    /// <param name="doc">A top-level document id.</param>
    /// <param name="text">Its stored text.</param>
    public DocumentWords Of(int doc, string text)
    {
        var leafIndex = ReaderUtil.SubIndex(doc, leaves);
        if (!values.TryGetValue(leafIndex, out var boundaries))
        {
            boundaries = leaves[leafIndex].AtomicReader.GetBinaryDocValues(FieldNames.BodyWordBoundaries);
            values[leafIndex] = boundaries;
        }
        byte[]? bits = null;
        if (boundaries is not null)
        {
            boundaries.Get(doc - leaves[leafIndex].DocBase, bytes);
            bits = WordBoundaries.Fits(bytes.Length, text.Length) ? bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray() : null;
        }
        return new DocumentWords(text, bits);
    }
}
