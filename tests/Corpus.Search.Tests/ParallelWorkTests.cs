using Corpus.Search.Querying;

namespace Corpus.Search.Tests;

/// <summary>
/// Work a search spreads over threads (its ranges, re-ranking, the page's hits) lets an error out as itself: a pattern
/// that timed out on one hit's text is a message to the user (HTTP 400), not an aggregate the page cannot read.
/// </summary>
public sealed class ParallelWorkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_query_error_on_any_thread_comes_out_as_itself(int threads)
    {
        var error = Assert.Throws<QueryException>(() => ParallelWork.For(12, threads, i =>
        {
            if (i == 7)
            {
                throw new QueryException("这个模式太复杂，匹配超时");
            }
        }));

        Assert.Equal("这个模式太复杂，匹配超时", error.Message);
    }

    [Fact]
    public void Every_item_runs_once()
    {
        var runs = new int[100];
        ParallelWork.For(runs.Length, 3, i => Interlocked.Increment(ref runs[i]));

        Assert.All(runs, r => Assert.Equal(1, r));
    }
}
