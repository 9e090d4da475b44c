using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>
/// Passes on only the candidates whose stored title, text and copies satisfy the query's patterns, so totals, facets, top hits
/// and the concordance all see exact matches. Reads stored text for candidates only, never for the whole corpus.
/// </summary>
internal sealed class VerifyingCollector(ICollector inner, ParsedQuery query) : ICollector
{
    private static readonly HashSet<string> Fields = [FieldNames.Title, FieldNames.Text, FieldNames.Copies];
    private AtomicReader? reader;

    /// <summary>The collector itself when the index already decides the query exactly.</summary>
    public static ICollector Around(ICollector inner, ParsedQuery query) =>
        query.NeedsVerification ? new VerifyingCollector(inner, query) : inner;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        reader = context.AtomicReader;
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var stored = reader!.Document(doc, Fields);
        if (query.Accepts(stored.Get(FieldNames.Title) ?? "", DocumentMapper.TextOf(stored), () => DocumentMapper.CopiesText(stored)))
        {
            inner.Collect(doc);
        }
    }
}
