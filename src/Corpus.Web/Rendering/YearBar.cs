using System.Globalization;

namespace Corpus.Web.Rendering;

/// <summary>One bar of the per-year histogram; <see cref="Level"/> 0–20 picks a CSS height class (no inline style).</summary>
public sealed record YearBar(int Year, int Count, int Level)
{
    public const int Levels = 20;

    /// <summary>Runs of missing years inside the range are drawn as empty bars, so the axis stays continuous.</summary>
    public static IReadOnlyList<YearBar> Build(IReadOnlyDictionary<string, int> yearCounts, int maxSpan = 60)
    {
        var years = new SortedDictionary<int, int>();
        foreach (var (key, count) in yearCounts)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && count > 0)
            {
                years[year] = count;
            }
        }
        if (years.Count == 0)
        {
            return [];
        }
        var max = years.Values.Max();
        var first = years.Keys.First();
        var last = years.Keys.Last();
        var range = last - first < maxSpan ? Enumerable.Range(first, last - first + 1) : years.Keys;
        return range.Select(y =>
        {
            var count = years.GetValueOrDefault(y);
            // Any year with hits gets at least a sliver, so it never looks empty.
            var level = count == 0 ? 0 : Math.Max(1, (int)Math.Round(count * (double)Levels / max));
            return new YearBar(y, count, level);
        }).ToList();
    }
}
