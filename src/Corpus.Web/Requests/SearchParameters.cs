using Corpus.Search;
using Microsoft.AspNetCore.Http.Extensions;

namespace Corpus.Web.Requests;

/// <summary>
/// The whole state of a search as it lives in the URL: what users typed (dates as typed, so permalinks round-trip)
/// plus the parsed bounds. Built only by <see cref="SearchParameterParser"/>, which validates every part.
/// </summary>
public sealed record SearchParameters(
    string Query,
    string? From,
    string? To,
    IReadOnlyList<string> Venues,
    IReadOnlyList<string> Kinds,
    SearchSort Sort,
    int Page,
    int Size)
{
    public const int DefaultSize = 10;

    public static SearchParameters Empty { get; } = new("", null, null, [], [], SearchSort.Relevance, 1, DefaultSize);

    public DateOnly? FromDate { get; init; }

    public DateOnly? ToDate { get; init; }

    public bool HasQuery => Query.Length > 0;

    public bool HasFilters => From is not null || To is not null || Venues.Count > 0 || Kinds.Count > 0;

    public SearchRequest ToRequest() => new(Query, FromDate, ToDate, Venues, Kinds, Sort, Page, Size);

    /// <summary>"?q=…&amp;from=…", leaving out defaults so permalinks stay short.</summary>
    public string ToQueryString()
    {
        var builder = new QueryBuilder();
        if (HasQuery)
        {
            builder.Add(SearchNames.Query, Query);
        }
        if (From is not null)
        {
            builder.Add(SearchNames.From, From);
        }
        if (To is not null)
        {
            builder.Add(SearchNames.To, To);
        }
        if (Venues.Count > 0)
        {
            builder.Add(SearchNames.Venue, Venues);
        }
        if (Kinds.Count > 0)
        {
            builder.Add(SearchNames.Kind, Kinds);
        }
        if (Sort != SearchSort.Relevance)
        {
            builder.Add(SearchNames.Sort, SearchNames.Name(Sort));
        }
        if (Page != 1)
        {
            builder.Add(SearchNames.Page, Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (Size != DefaultSize)
        {
            builder.Add(SearchNames.Size, Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToQueryString().Value ?? "";
    }

    /// <summary>A one-line description of the filters, for the search log.</summary>
    public string DescribeFilters()
    {
        var parts = new List<string>();
        if (From is not null)
        {
            parts.Add($"from={From}");
        }
        if (To is not null)
        {
            parts.Add($"to={To}");
        }
        parts.AddRange(Venues.Select(v => $"venue={v}"));
        parts.AddRange(Kinds.Select(k => $"kind={k}"));
        parts.Add($"sort={SearchNames.Name(Sort)}");
        parts.Add($"page={Page}");
        parts.Add($"size={Size}");
        return string.Join(' ', parts);
    }
}
