using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>Every hit with its score (for the concordance, which needs all of them).</summary>
internal sealed class AllHitsCollector : ICollector
{
    private Scorer? scorer;
    private int docBase;

    public List<(int Doc, float Score)> Hits { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc) => Hits.Add((docBase + doc, scorer?.GetScore() ?? 0f));
}
