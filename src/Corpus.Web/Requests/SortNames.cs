using Corpus.Search;

namespace Corpus.Web.Requests;

/// <summary>The sort names used in URLs, the same as the CLI's --sort values.</summary>
public static class SortNames
{
    public static IReadOnlyList<(string Name, string Label)> Search { get; } =
        [("relevance", "相关度"), ("date", "日期（新→旧）"), ("date-asc", "日期（旧→新）")];

    public static IReadOnlyList<(string Name, string Label)> Fillers { get; } =
        [("occurrences", "按出现次数"), ("documents", "按文档数"), ("filler", "按填充内容")];

    public static string Format(FillerSort sort) => sort switch
    {
        FillerSort.Documents => "documents",
        FillerSort.Filler => "filler",
        _ => "occurrences",
    };

    public static FillerSort ParseFillers(string? text) => text switch
    {
        null or "" or "occurrences" => FillerSort.Occurrences,
        "documents" => FillerSort.Documents,
        "filler" => FillerSort.Filler,
        _ => throw new QueryException($"未知的排序方式“{Shorten(text)}”：可用 occurrences、documents 或 filler。"),
    };

    public static string Format(SearchSort sort) => sort switch
    {
        SearchSort.Date => "date",
        SearchSort.DateAsc => "date-asc",
        _ => "relevance",
    };

    public static SearchSort ParseSearch(string? text) => text switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "date" => SearchSort.Date,
        "date-asc" => SearchSort.DateAsc,
        _ => throw new QueryException($"未知的排序方式“{Shorten(text)}”：可用 relevance、date 或 date-asc。"),
    };

    /// <summary>Echoes at most a few characters of a bad value back to users.</summary>
    public static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
