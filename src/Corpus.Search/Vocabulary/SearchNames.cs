namespace Corpus.Search;

/// <summary>
/// The words of a search shared by URLs, the JSON API and the command line: parameter names (<c>?from=</c> and
/// <c>--from</c>), sort names and their labels, so the site and the CLI accept and reject the same values with the
/// same message.
/// </summary>
public static class SearchNames
{
    public const string Query = "q";
    public const string From = "from";
    public const string To = "to";
    public const string Venue = "venue";
    public const string Kind = "kind";
    public const string Sort = "sort";
    public const string Page = "page";
    public const string Size = "size";

    public static IReadOnlyList<(SearchSort Sort, string Name, string Label)> Sorts { get; } =
    [
        (SearchSort.Relevance, "relevance", "相关度"),
        (SearchSort.Date, "date", "日期（新→旧）"),
        (SearchSort.DateAsc, "date-asc", "日期（旧→新）"),
    ];

    /// <summary>The filler table's orders (its column headers are the labels).</summary>
    public static IReadOnlyList<(FillerSort Sort, string Name)> FillerSorts { get; } =
    [
        (FillerSort.Occurrences, "occurrences"),
        (FillerSort.Documents, "documents"),
        (FillerSort.Filler, "filler"),
    ];

    public static string Name(SearchSort sort) => Sorts.First(s => s.Sort == sort).Name;

    public static string Name(FillerSort sort) => FillerSorts.First(s => s.Sort == sort).Name;

    /// <returns>Relevance when empty.</returns>
    /// <exception cref="QueryException">Not one of <see cref="Sorts"/>.</exception>
    public static SearchSort ParseSort(string? text) => Parse(Sorts.Select(s => (s.Sort, s.Name)).ToList(), text, SearchSort.Relevance);

    /// <returns>Occurrences when empty.</returns>
    /// <exception cref="QueryException">Not one of <see cref="FillerSorts"/>.</exception>
    public static FillerSort ParseFillerSort(string? text) => Parse(FillerSorts, text, FillerSort.Occurrences);

    /// <summary>"relevance、date 或 date-asc": names for a message.</summary>
    private static string Choices(IReadOnlyList<string> names) => string.Join("、", names.Take(names.Count - 1)) + " 或 " + names[^1];

    private static T Parse<T>(IReadOnlyList<(T Sort, string Name)> names, string? text, T fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        foreach (var (sort, name) in names)
        {
            if (name == text)
            {
                return sort;
            }
        }
        throw new QueryException($"未知的排序方式“{UserText.Shorten(text)}”：可用 {Choices([.. names.Select(n => n.Name)])}。");
    }
}
