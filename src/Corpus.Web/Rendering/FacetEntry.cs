namespace Corpus.Web.Rendering;

/// <summary>One checkbox of a facet list.</summary>
public sealed record FacetEntry(string Value, int Count, bool Selected)
{
    /// <summary>Most frequent first; selected values stay listed even when the current results hold none of them.</summary>
    public static IReadOnlyList<FacetEntry> Build(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> selected)
    {
        var entries = counts.Where(c => c.Value > 0).Select(c => new FacetEntry(c.Key, c.Value, selected.Contains(c.Key))).ToList();
        entries.AddRange(selected.Where(s => !counts.TryGetValue(s, out var n) || n == 0).Select(s => new FacetEntry(s, 0, true)));
        return entries.OrderByDescending(e => e.Count).ThenBy(e => e.Value, StringComparer.Ordinal).ToList();
    }
}
