using System.Globalization;
using Corpus.Search;
using Microsoft.Extensions.Primitives;

namespace Corpus.Web.Requests;

/// <summary>
/// Reads search parameters from a query string and checks their form (lengths, numbers, dates); what a search may ask
/// (page size, paging depth, date order, kinds) is the search service's to check. Every problem becomes a
/// <see cref="QueryException"/> with a message for users (400), never an exception that would surface as 500.
/// </summary>
public static class SearchParameterParser
{
    public const int MaxQueryLength = SearchService.MaxQueryLength;
    private const int MaxFilterValues = 50;
    private const int MaxFilterLength = 100;

    /// <param name="requireQuery">The API needs a query; the search page shows its empty state without one.</param>
    public static SearchParameters Parse(IQueryCollection query, bool requireQuery)
    {
        var q = Single(query, SearchNames.Query)?.Trim() ?? "";
        if (q.Length > MaxQueryLength)
        {
            throw new QueryException($"查询过长：最多 {MaxQueryLength} 个字符，现有 {q.Length} 个。");
        }
        if (requireQuery && q.Length == 0)
        {
            throw new QueryException("缺少查询：请用参数 q 给出要检索的词语。");
        }
        var from = DateText(query, SearchNames.From);
        var to = DateText(query, SearchNames.To);
        var fromDate = from is null ? (DateOnly?)null : DateBound.Parse(from, upper: false);
        var toDate = to is null ? (DateOnly?)null : DateBound.Parse(to, upper: true);
        var page = Number(query, SearchNames.Page, 1, "页码");
        var size = Number(query, SearchNames.Size, SearchParameters.DefaultSize, "每页条数");
        return new SearchParameters(
            q, from, to, Values(query, SearchNames.Venue, "地点"), Values(query, SearchNames.Kind, "类别"),
            SearchNames.ParseSort(Single(query, SearchNames.Sort)), page, size)
        {
            FromDate = fromDate,
            ToDate = toDate,
        };
    }

    /// <summary>The filler table's parameters: the search's filters, and "sort" as the table's own order.</summary>
    public static (SearchParameters Parameters, FillerSort Sort) ParseFillers(IQueryCollection query, bool requireQuery)
    {
        var sort = SearchNames.ParseFillerSort(Single(query, SearchNames.Sort));
        var withoutSort = new QueryCollection(query.Where(pair => pair.Key != SearchNames.Sort).ToDictionary(pair => pair.Key, pair => pair.Value));
        return (Parse(withoutSort, requireQuery), sort);
    }

    /// <summary>A timeline's parameters: q repeated (up to four, empty ones ignored), unit, and the search's filters.</summary>
    /// <param name="requireQuery">The API needs a query; the timeline page shows its form without one.</param>
    public static TimelineParameters ParseTimeline(IQueryCollection query, bool requireQuery)
    {
        var queries = query[SearchNames.Query].Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();
        if (queries.Count > SearchService.MaxTimelineQueries)
        {
            throw new QueryException($"时间轴最多比较 {SearchService.MaxTimelineQueries} 个查询，收到 {queries.Count} 个。");
        }
        if (queries.FirstOrDefault(q => q.Length > MaxQueryLength) is { } tooLong)
        {
            throw new QueryException($"查询过长：最多 {MaxQueryLength} 个字符，现有 {tooLong.Length} 个。");
        }
        if (requireQuery && queries.Count == 0)
        {
            throw new QueryException("缺少查询：请用参数 q 给出要统计的词语（可重复，最多 4 个）。");
        }
        var unit = TimelineUnits.Parse(Single(query, "unit"));
        var filters = Parse(new QueryCollection(query.Where(pair => pair.Key is not ("q" or "unit" or "format"))
            .ToDictionary(pair => pair.Key, pair => pair.Value)), requireQuery: false);
        return new TimelineParameters(queries.Distinct(StringComparer.Ordinal).ToList(), unit, filters);
    }

    /// <summary>A positive "limit" parameter no larger than <paramref name="max"/>, or <paramref name="fallback"/>.</summary>
    public static int Limit(IQueryCollection query, int fallback, int max)
    {
        var limit = Number(query, "limit", fallback, "条数上限");
        return limit <= max ? limit : throw new QueryException($"条数上限最多为 {max}（收到 {limit}）。");
    }

    /// <summary>The q parameter alone (document pages), with the same length cap.</summary>
    public static string? ParseHighlightQuery(IQueryCollection query)
    {
        var q = Single(query, SearchNames.Query)?.Trim();
        if (q?.Length > MaxQueryLength)
        {
            throw new QueryException($"查询过长：最多 {MaxQueryLength} 个字符，现有 {q.Length} 个。");
        }
        return string.IsNullOrEmpty(q) ? null : q;
    }

    public static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw new QueryException($"参数 {name} 只能出现一次。");
        }
        return values.Count == 0 ? null : values[0];
    }

    private static string? DateText(IQueryCollection query, string name)
    {
        var text = Single(query, name)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static int Number(IQueryCollection query, string name, int fallback, string label)
    {
        var text = Single(query, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new QueryException($"{label}必须是正整数，而不是“{UserText.Shorten(text)}”。");
        }
        return value;
    }

    private static IReadOnlyList<string> Values(IQueryCollection query, string name, string label)
    {
        StringValues values = query[name];
        var kept = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (kept.Length > MaxFilterValues || kept.Any(v => v.Length > MaxFilterLength))
        {
            throw new QueryException($"{label}筛选条件过多或过长。");
        }
        return kept;
    }
}
