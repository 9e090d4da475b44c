namespace Corpus.Search;

/// <summary>What a search computes besides the hits; the default is everything the search page shows.</summary>
/// <param name="Snippets">Snippets and per-hit occurrence counts (0 when off), from the stored text of the hits shown.</param>
/// <param name="Facets">Venue, kind and year counts over the whole result set (empty when off).</param>
/// <param name="Occurrences">The occurrences in the whole result set, counted from the index (0 when off).</param>
public sealed record SearchOptions(bool Snippets = true, bool Facets = true, bool Occurrences = true)
{
    public static SearchOptions Everything { get; } = new();
}
