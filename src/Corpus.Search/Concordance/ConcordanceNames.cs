namespace Corpus.Search;

/// <summary>The names of concordance sort keys, groupings and collations in URLs and on the command line (one list for both).</summary>
public static class ConcordanceNames
{
    public static IReadOnlyList<(ConcordanceKey Key, string Name, string Label)> Keys { get; } =
    [
        (ConcordanceKey.Left, "left", "左语境（由近及远）"),
        (ConcordanceKey.Right, "right", "右语境"),
        (ConcordanceKey.Left1, "left1", "左一字"),
        (ConcordanceKey.Left2, "left2", "左二字"),
        (ConcordanceKey.Right1, "right1", "右一字"),
        (ConcordanceKey.Right2, "right2", "右二字"),
        (ConcordanceKey.LeftWord1, "leftword1", "左一词"),
        (ConcordanceKey.LeftWord2, "leftword2", "左二词"),
        (ConcordanceKey.RightWord1, "rightword1", "右一词"),
        (ConcordanceKey.RightWord2, "rightword2", "右二词"),
        (ConcordanceKey.Match, "match", "检索词本身"),
        (ConcordanceKey.Date, "date", "日期（旧→新）"),
        (ConcordanceKey.Venue, "venue", "地点"),
    ];

    public static IReadOnlyList<(ConcordanceGrouping By, string Name, string Label)> Groupings { get; } =
    [
        (ConcordanceGrouping.LeftWord, "leftword", "左一词"),
        (ConcordanceGrouping.RightWord, "rightword", "右一词"),
        (ConcordanceGrouping.Venue, "venue", "地点"),
        (ConcordanceGrouping.Year, "year", "年"),
        (ConcordanceGrouping.Month, "month", "月"),
    ];

    public static string Name(ConcordanceKey key) => Keys.First(k => k.Key == key).Name;

    public static string Name(ConcordanceGrouping by) => Groupings.First(g => g.By == by).Name;

    public static string Name(ConcordanceCollation collation) => collation == ConcordanceCollation.Pinyin ? "pinyin" : "codepoint";

    /// <summary>Sort keys from names, each value possibly a comma-separated list; "document" or empty means document order.</summary>
    /// <exception cref="QueryException">An unknown name, a repeated key or more than three.</exception>
    public static IReadOnlyList<ConcordanceKey> ParseSort(IEnumerable<string?> values)
    {
        var keys = new List<ConcordanceKey>();
        foreach (var name in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (name == "document")
            {
                continue;
            }
            var found = Keys.FirstOrDefault(k => k.Name == name);
            if (found.Name is null)
            {
                throw new QueryException($"未知的排序方式“{UserText.Shorten(name)}”：可用 {string.Join("、", Keys.Select(k => k.Name))}，或 document。");
            }
            if (keys.Contains(found.Key))
            {
                throw new QueryException($"排序“{name}”重复了。");
            }
            keys.Add(found.Key);
        }
        if (keys.Count > ConcordanceRequest.MaxSortKeys)
        {
            throw new QueryException($"排序最多 {ConcordanceRequest.MaxSortKeys} 级（收到 {keys.Count} 级）。");
        }
        return keys;
    }

    /// <exception cref="QueryException">An unknown name.</exception>
    public static ConcordanceGrouping ParseGrouping(string name) =>
        Groupings.FirstOrDefault(g => g.Name == name) is { Name: not null } found
            ? found.By
            : throw new QueryException($"未知的分组方式“{UserText.Shorten(name)}”：可用 {string.Join("、", Groupings.Select(g => g.Name))}。");

    /// <exception cref="QueryException">An unknown name.</exception>
    public static ConcordanceCollation ParseCollation(string? name) => name switch
    {
        null or "" or "codepoint" => ConcordanceCollation.Codepoint,
        "pinyin" => ConcordanceCollation.Pinyin,
        _ => throw new QueryException($"未知的排序规则“{UserText.Shorten(name)}”：可用 codepoint 或 pinyin。"),
    };
}
