namespace Corpus.Search.Facets;

/// <summary>The request's filters in index terms: a date-key range and the accepted facet slots (null: no filter; see <see cref="FacetSelection"/>).</summary>
internal sealed record ResultFilter(int? From, int? To, bool[]? Venues, bool[]? Kinds)
{
    public bool IsEmpty => From is null && To is null && Venues is null && Kinds is null;

    public bool DateAccepts(long dateKey) =>
        (From is null && To is null) || (dateKey != 0 && (From is not { } f || dateKey >= f) && (To is not { } t || dateKey <= t));

    /// <param name="ordinal">The document's global ordinal, -1 when it has no value.</param>
    public static bool Accepts(bool[]? selected, int ordinal) => selected is null || selected[ordinal < 0 ? selected.Length - 1 : ordinal];
}
