namespace Corpus.Search;

/// <summary>
/// What concordance lines can be sorted by. Character keys count from the match outwards (<see cref="Left1"/> is the
/// character just before it); word keys are the SmartCn words of the same paragraph nearest the match (see
/// <see cref="Words.DocumentWords"/>); <see cref="Left"/> compares the left context from the match outwards.
/// </summary>
public enum ConcordanceKey
{
    Left, Right, Left1, Left2, Right1, Right2, LeftWord1, LeftWord2, RightWord1, RightWord2, Match, Date, Venue,
}

/// <summary>Codepoint order, or Chinese order by pinyin (ICU's collator for the locale zh).</summary>
public enum ConcordanceCollation { Codepoint, Pinyin }

/// <summary>What occurrences can be counted by: the word just before or after the match, the venue, the year or month.</summary>
public enum ConcordanceGrouping { LeftWord, RightWord, Venue, Year, Month }

/// <param name="Filters">The query and filters; its Sort orders documents (date, newest or oldest first) when lines tie.</param>
/// <param name="Sort">Up to three keys; lines equal on all of them follow document order, then position.</param>
/// <param name="Context">Characters of context on each side.</param>
/// <param name="Size">Lines per page.</param>
/// <param name="After">The <see cref="ConcordancePage.Next"/> cursor of the previous page (null: the first page).</param>
public sealed record ConcordanceRequest(
    SearchRequest Filters,
    IReadOnlyList<ConcordanceKey> Sort,
    ConcordanceCollation Collation = ConcordanceCollation.Codepoint,
    int Context = ConcordanceRequest.DefaultContext,
    int Size = ConcordanceRequest.DefaultSize,
    string? After = null)
{
    public const int DefaultContext = 30;
    public const int MaxContext = 200;
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;
    public const int MaxSortKeys = 3;
}

public sealed record ConcordanceLine(
    string Id, string Title, DateOnly? Date, string? Venue, string? Kind, string Left, string Match, string Right, int Offset);

/// <param name="Total">Occurrences in the whole result.</param>
/// <param name="Next">Cursor for the following page; null on the last page.</param>
public sealed record ConcordancePage(int Total, IReadOnlyList<ConcordanceLine> Lines, string? Next);

/// <param name="Key">The word, venue, year (yyyy) or month (yyyy-MM); null when there is none (no word in the paragraph on that side, no venue, no date).</param>
public sealed record ConcordanceGroup(string? Key, int Count);

public sealed record ConcordanceGroups(int Total, ConcordanceGrouping By, IReadOnlyList<ConcordanceGroup> Groups);
