using Corpus.Search;

namespace Corpus.Web.Rendering;

/// <summary>One value of a facet list: a checkbox to keep only it, one to leave it out.</summary>
public sealed record FacetEntry(string Value, int Count, bool Selected, bool Excluded = false)
{
    /// <summary>The bucket of documents without a value (<see cref="FacetCounts.Unknown"/>).</summary>
    public bool IsUnknown => Value == FacetCounts.Unknown;

    /// <summary>
    /// Most frequent first, the 不详 bucket last; selected and excluded values stay listed even when the current
    /// results hold none of them.
    /// </summary>
    public static IReadOnlyList<FacetEntry> Build(
        IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> selected, IReadOnlyList<string>? excluded = null)
    {
        excluded ??= [];
        var values = counts.Where(c => c.Value > 0).Select(c => c.Key).Concat(selected).Concat(excluded).Distinct(StringComparer.Ordinal);
        return values
            .Select(v => new FacetEntry(v, counts.GetValueOrDefault(v), selected.Contains(v), excluded.Contains(v)))
            .OrderBy(e => e.IsUnknown).ThenByDescending(e => e.Count).ThenBy(e => e.Value, StringComparer.Ordinal)
            .ToList();
    }
}
