using Corpus.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Querying;

/// <summary>The earliest and latest date among the collected documents.</summary>
internal sealed class DateRangeCollector : ICollector
{
    private NumericDocValues? dates;
    private long min = long.MaxValue;
    private long max = long.MinValue;

    public DateOnly? From => min == long.MaxValue ? null : ToDate(min);

    public DateOnly? To => max == long.MinValue ? null : ToDate(max);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => dates = context.AtomicReader.GetNumericDocValues(FieldNames.Date);

    public void Collect(int doc)
    {
        var key = dates?.Get(doc) ?? 0;
        if (key != 0)
        {
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }
    }

    private static DateOnly ToDate(long key) => new((int)(key / 10000), (int)(key / 100 % 100), (int)(key % 100));
}
