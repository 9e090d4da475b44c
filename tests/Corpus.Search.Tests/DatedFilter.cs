using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// A date range and kind that select some documents of a corpus. Dates are never guessed, so only documents that state
/// one can pass a date filter: the range is taken from the dated documents of their most common kind.
/// </summary>
internal static class DatedFilter
{
    public static (DateOnly From, DateOnly To, string Kind) Of(IEnumerable<CleanDocument> documents)
    {
        var kind = documents.Where(d => d.Date is not null && d.Kind is not null)
            .GroupBy(d => d.Kind!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var dates = kind.Select(d => d.Date!.Value).Order().ToList();
        return (dates[dates.Count / 4], dates[dates.Count * 3 / 4], kind.Key);
    }
}
