using System.Runtime.ExceptionServices;

namespace Corpus.Search.Querying;

/// <summary>
/// A loop on up to a given number of threads that lets an exception out as itself, where <see cref="Parallel.For(int, int, Action{int})"/>
/// wraps it: a <see cref="QueryException"/> (a pattern that timed out on a text) must still reach the page or the API as
/// a message to the user, whichever thread met it.
/// </summary>
internal static class ParallelWork
{
    public static void For(int count, int threads, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, body);
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            ExceptionDispatchInfo.Throw(inner.OfType<QueryException>().FirstOrDefault() ?? inner[0]);
        }
    }
}
