using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>Date order with undated documents in the corpus: they come after every dated one, in both directions.</summary>
public sealed class UndatedSortTests(UndatedSortTests.PartlyUndatedCorpus corpus) : IClassFixture<UndatedSortTests.PartlyUndatedCorpus>
{
    [Theory]
    [InlineData(SearchSort.Date)]
    [InlineData(SearchSort.DateAsc)]
    public void Undated_documents_come_last_in_either_date_order(SearchSort sort)
    {
        var dates = corpus.AllHits(new SearchRequest("的", Sort: sort)).Select(h => h.Date).ToList();
        var dated = dates.Where(d => d is not null).ToList();
        var expected = (sort == SearchSort.Date ? dated.OrderByDescending(d => d) : dated.OrderBy(d => d))
            .Concat(dates.Where(d => d is null));

        Assert.Equal(corpus.Documents.Count(d => d.Date is null && d.Text.Contains('的', StringComparison.Ordinal)), dates.Count(d => d is null));
        Assert.InRange(dates.Count(d => d is null), 10, dates.Count - 10);
        Assert.Equal(expected, dates);
    }

    /// <summary>The generated corpus with every third document's date removed (as ingest leaves an article that states none).</summary>
    public sealed class PartlyUndatedCorpus() : IndexedCorpus(WithoutSomeDates(Ingest.Run(RepoPaths.GeneratedCorpus)))
    {
        private static IngestResult WithoutSomeDates(IngestResult result) => result with
        {
            Documents = [.. result.Documents.Select((d, i) => i % 3 == 1 ? d with { Date = null, DateInferred = false } : d)],
        };
    }
}
