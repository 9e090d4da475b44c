using Corpus.Web.Rendering;

namespace Corpus.Web.Pages.Shared;

/// <param name="Name">The query-string parameter (venue, kind).</param>
/// <param name="ShowCounts">False before a search has run: the selected values are listed without counts.</param>
public sealed record FacetModel(string Name, string Label, IReadOnlyList<FacetEntry> Entries, bool ShowCounts)
{
    /// <summary>How many of the most frequent values show before the rest fold away.</summary>
    public const int Shown = 8;
}
