using System.Globalization;
using Corpus.Search;
using Microsoft.AspNetCore.Http.Extensions;

namespace Corpus.Web.Requests;

/// <summary>A concordance's state in the URL: the search's filters plus sort keys, collation, context, page size, cursor and grouping.</summary>
public sealed record ConcordanceParameters(
    SearchParameters Filters,
    IReadOnlyList<ConcordanceKey> Sort,
    ConcordanceCollation Collation,
    int Context,
    int Size,
    string? After,
    ConcordanceGrouping? Group)
{
    public static ConcordanceParameters Empty { get; } =
        new(SearchParameters.Empty, [], ConcordanceCollation.Codepoint, ConcordanceRequest.DefaultContext, ConcordanceRequest.DefaultSize, null, null);

    public ConcordanceRequest ToRequest() => new(Filters.ToRequest(), Sort, Collation, Context, Size, After);

    /// <summary>"?q=…", leaving out defaults; the cursor only when asked (a link to the next page).</summary>
    public string ToQueryString(bool withCursor = false)
    {
        var builder = new QueryBuilder(ViewParameterParser.Pairs(Filters.ToQueryString()));
        if (Sort.Count > 0)
        {
            builder.Add("sort", string.Join(",", Sort.Select(ConcordanceNames.Name)));
        }
        if (Collation != ConcordanceCollation.Codepoint)
        {
            builder.Add("collation", ConcordanceNames.Name(Collation));
        }
        if (Context != ConcordanceRequest.DefaultContext)
        {
            builder.Add("context", Context.ToString(CultureInfo.InvariantCulture));
        }
        if (Size != ConcordanceRequest.DefaultSize)
        {
            builder.Add("size", Size.ToString(CultureInfo.InvariantCulture));
        }
        if (Group is { } group)
        {
            builder.Add("group", ConcordanceNames.Name(group));
        }
        if (withCursor && After is not null)
        {
            builder.Add("after", After);
        }
        return builder.ToQueryString().Value ?? "";
    }
}

/// <summary>Reads the research views' parameters; the filters go through <see cref="SearchParameterParser"/> as on the search page.</summary>
public static class ViewParameterParser
{
    private const int MaxCursorLength = 4096;
    private static readonly string[] ConcordanceOnly = ["sort", "collation", "context", "size", "after", "group", "format", "page"];
    private static readonly string[] CollocationOnly = ["window", "min", "limit", "sort", "page", "size"];
    private static readonly string[] FrequencyOnly = ["compare", "limit", "sort", "page", "size"];

    public static ConcordanceParameters ParseConcordance(IQueryCollection query, bool requireQuery)
    {
        var filters = SearchParameterParser.Parse(Without(query, ConcordanceOnly), requireQuery);
        var after = SearchParameterParser.Single(query, "after");
        if (after?.Length > MaxCursorLength)
        {
            throw new QueryException("翻页标记无效：请从第一页重新开始。");
        }
        var group = SearchParameterParser.Single(query, "group");
        return new ConcordanceParameters(
            filters,
            ConcordanceNames.ParseSort(query["sort"]),
            ConcordanceNames.ParseCollation(SearchParameterParser.Single(query, "collation")),
            SearchParameterParser.Number(query, "context", ConcordanceRequest.DefaultContext, "语境宽度"),
            SearchParameterParser.Number(query, "size", ConcordanceRequest.DefaultSize, "每页行数"),
            string.IsNullOrEmpty(after) ? null : after,
            string.IsNullOrEmpty(group) ? null : ConcordanceNames.ParseGrouping(group));
    }

    public static (SearchParameters Filters, CollocationRequest Request) ParseCollocations(IQueryCollection query, bool requireQuery)
    {
        var filters = SearchParameterParser.Parse(Without(query, CollocationOnly), requireQuery);
        return (filters, new CollocationRequest(
            filters.ToRequest(),
            SearchParameterParser.Number(query, "window", 5, "窗口"),
            SearchParameterParser.Number(query, "min", 2, "最低次数"),
            SearchParameterParser.Number(query, "limit", 100, "条数")));
    }

    public static (SearchParameters Filters, FrequencyRequest Request) ParseFrequencies(IQueryCollection query)
    {
        var filters = SearchParameterParser.Parse(Without(query, FrequencyOnly), requireQuery: false);
        var compare = SearchParameterParser.Single(query, "compare");
        if (compare is not (null or "" or "corpus" or "none"))
        {
            throw new QueryException($"compare 只能是 corpus（与全部语料比较）或 none，而不是“{UserText.Shorten(compare)}”。");
        }
        return (filters, new FrequencyRequest(filters.ToRequest(), compare == "corpus", SearchParameterParser.Number(query, "limit", 100, "条数")));
    }

    internal static IEnumerable<KeyValuePair<string, string>> Pairs(string queryString) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? "")));

    private static QueryCollection Without(IQueryCollection query, string[] names) =>
        new(query.Where(pair => !names.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value));
}
