using Corpus.Ingest.Model;

namespace Corpus.Search;

public enum SearchSort { Relevance, Date, DateAsc }

/// <param name="Venues">Documents in any of these venues (empty: no venue filter); <see cref="FacetCounts.Unknown"/> selects those without a venue.</param>
/// <param name="Kinds">Documents of any of these kinds (empty: no kind filter); <see cref="FacetCounts.Unknown"/> selects those without a kind.</param>
/// <param name="Page">1-based.</param>
/// <param name="ExcludedVenues">Documents in none of these venues (<see cref="FacetCounts.Unknown"/>: documents that have a venue).</param>
/// <param name="ExcludedKinds">Documents of none of these kinds (<see cref="FacetCounts.Unknown"/>: documents that have a kind).</param>
public sealed record SearchRequest(
    string Query,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<string>? Venues = null,
    IReadOnlyList<string>? Kinds = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int Size = 10,
    IReadOnlyList<string>? ExcludedVenues = null,
    IReadOnlyList<string>? ExcludedKinds = null)
{
    /// <summary>Whether any venue or kind is included or excluded.</summary>
    public bool HasFacetFilters =>
        Venues is { Count: > 0 } || Kinds is { Count: > 0 } || ExcludedVenues is { Count: > 0 } || ExcludedKinds is { Count: > 0 };
}

/// <param name="Snippets">Fragments of the text around the best hits, as plain text with the hits' spans.</param>
/// <param name="Occurrences">Literal occurrences of the query's phrases in the document's title and text; for a document
/// whose text has none, the title's plus the occurrences in its copies (<see cref="CleanDocument.Copies"/>), which the
/// snippets then show.</param>
/// <param name="TitleHits">The occurrences in the title, for highlighting it.</param>
public sealed record SearchHit(
    string Id, string Title, DateOnly? Date, string? Venue, string? Kind, float Score, int Occurrences,
    IReadOnlyList<Snippet> Snippets, IReadOnlyList<HitSpan> TitleHits);

/// <summary>A fragment of a document's text (line breaks as spaces) and the hits in it, offsets into the fragment.</summary>
public sealed record Snippet(string Text, IReadOnlyList<HitSpan> Hits);

/// <summary>Counts over the whole current result set; a filtered dimension still counts its other values. Documents
/// without a venue or kind are counted under <see cref="Unknown"/>.</summary>
public sealed record FacetCounts(
    IReadOnlyDictionary<string, int> Venue,
    IReadOnlyDictionary<string, int> Kind,
    IReadOnlyDictionary<string, int> Year)
{
    /// <summary>The bucket of documents without a value, and the filter value that selects (or excludes) them.</summary>
    public const string Unknown = "不详";
}

/// <param name="Segmentation">The query's text as the word segmenter cut it, for showing users (e.g. 疫情 | 防控).</param>
/// <param name="Occurrences">Literal occurrences of the query's phrases in all <paramref name="Total"/> documents (titles and texts).</param>
public sealed record SearchResult(
    int Total, long Occurrences, IReadOnlyList<SearchHit> Hits, FacetCounts Facets, IReadOnlyList<string> Segmentation, double ElapsedMs);

/// <summary>A literal occurrence in a document's display text.</summary>
public sealed record HitSpan(int Start, int Length);

/// <param name="Hits">Occurrences in the text.</param>
/// <param name="TitleHits">Occurrences in the title.</param>
public sealed record DocumentView(CleanDocument Document, IReadOnlyList<HitSpan> Hits, IReadOnlyList<HitSpan> TitleHits)
{
    /// <summary>The occurrences in each of <see cref="CleanDocument.Copies"/>, in the same order.</summary>
    public IReadOnlyList<IReadOnlyList<HitSpan>> CopyHits { get; init; } = [];
}

public sealed record CorpusStats(
    int Documents,
    long Characters,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyDictionary<string, int> Venue,
    IReadOnlyDictionary<string, int> Kind,
    IReadOnlyDictionary<string, int> Year,
    int Files,
    int DuplicatesMerged,
    IReadOnlyList<SkippedFile> Skipped,
    DateTimeOffset? IngestedAt);

/// <summary>A query or filter users must correct; the message is shown to them as is.</summary>
public sealed class QueryException(string message) : Exception(message);
