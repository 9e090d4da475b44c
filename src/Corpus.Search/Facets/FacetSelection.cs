namespace Corpus.Search.Facets;

/// <summary>
/// Which values of a facet dimension a filter accepts, as one flag per global ordinal plus a last flag for
/// documents without a value (the 不详 bucket, <see cref="FacetCounts.Unknown"/>), so accepting a document stays one
/// array read. Included values narrow to those (none: all); excluded values are then taken out.
/// </summary>
internal static class FacetSelection
{
    /// <returns>Null when nothing is chosen (every document passes).</returns>
    public static bool[]? Of(FacetOrdinals ordinals, IReadOnlyList<string>? included, IReadOnlyList<string>? excluded, Func<string, string, bool> matches)
    {
        var hasIncluded = included is { Count: > 0 };
        if (!hasIncluded && excluded is not { Count: > 0 })
        {
            return null;
        }
        var labels = ordinals.Labels;
        var accepted = new bool[labels.Count + 1];
        for (var i = 0; i < accepted.Length; i++)
        {
            accepted[i] = !hasIncluded || Chosen(included!, labels, i, matches);
            if (excluded is { Count: > 0 } && Chosen(excluded, labels, i, matches))
            {
                accepted[i] = false;
            }
        }
        return accepted;
    }

    /// <summary>The slot of a document's ordinal (-1: no value) in a selection or count array.</summary>
    public static int Slot(int ordinal, int labels) => ordinal < 0 ? labels : ordinal;

    private static bool Chosen(IReadOnlyList<string> wanted, IReadOnlyList<string> labels, int slot, Func<string, string, bool> matches) =>
        slot == labels.Count
            ? wanted.Contains(FacetCounts.Unknown, StringComparer.Ordinal)
            : wanted.Any(w => matches(labels[slot], w));
}
