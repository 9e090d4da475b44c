using Corpus.Search;
using Microsoft.AspNetCore.Http.Extensions;

namespace Corpus.Web.Requests;

/// <summary>A timeline as it lives in the URL: the queries (q, repeated), the unit (null: automatic) and the search's filters.</summary>
public sealed record TimelineParameters(IReadOnlyList<string> Queries, TimelineUnit? Unit, SearchParameters Filters)
{
    public static TimelineParameters Empty { get; } = new([], null, SearchParameters.Empty);

    public TimelineRequest ToRequest() => new(
        Queries, Filters.FromDate, Filters.ToDate, Filters.Venues, Filters.Kinds, Unit, Filters.ExcludedVenues, Filters.ExcludedKinds);

    /// <summary>"?q=…&amp;q=…&amp;unit=…" plus the filters, leaving out defaults.</summary>
    public string ToQueryString(TimelineUnit? unit)
    {
        var builder = new QueryBuilder();
        foreach (var query in Queries)
        {
            builder.Add("q", query);
        }
        if (unit is { } chosen)
        {
            builder.Add("unit", TimelineUnits.Format(chosen));
        }
        var filters = (Filters with { Query = "", Sort = SearchSort.Relevance, Page = 1, Size = SearchParameters.DefaultSize }).ToQueryString();
        var own = builder.ToQueryString().Value ?? "";
        return filters.Length == 0 ? own : own.Length == 0 ? filters : own + "&" + filters[1..];
    }
}
