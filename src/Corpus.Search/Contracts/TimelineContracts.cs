namespace Corpus.Search;

public enum TimelineUnit { Day, Week, Month, Year }

/// <param name="Queries">One to <see cref="SearchService.MaxTimelineQueries"/> queries, one series each.</param>
/// <param name="Unit">Null: chosen from the span of dates (see <c>Periods.Auto</c>).</param>
public sealed record TimelineRequest(
    IReadOnlyList<string> Queries,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<string>? Venues = null,
    IReadOnlyList<string>? Kinds = null,
    TimelineUnit? Unit = null);

/// <param name="Start">The first day of the period.</param>
/// <param name="Documents">Matching documents dated in the period.</param>
/// <param name="Occurrences">Literal occurrences of the query's phrases in them (titles and texts).</param>
/// <param name="Characters">Characters (titles and texts) of all documents under the filters dated in the period: the base for "per million characters".</param>
public sealed record TimelineBucket(DateOnly Start, int Documents, long Occurrences, long Characters)
{
    /// <summary>Occurrences per million characters of the period's text (0 for a period without text).</summary>
    public double OccurrencesPerMillion() => Characters == 0 ? 0 : Occurrences * 1_000_000.0 / Characters;
}

public sealed record TimelineSeries(string Query, IReadOnlyList<TimelineBucket> Buckets);

/// <summary>Every period from the first to the last dated document under the filters, the same periods in each series; undated documents are left out.</summary>
public sealed record TimelineResult(TimelineUnit Unit, IReadOnlyList<TimelineSeries> Series);

/// <summary>The unit names of URLs, the CLI and the JSON: auto, day, week, month, year.</summary>
public static class TimelineUnits
{
    public static IReadOnlyList<string> Names { get; } = ["auto", "day", "week", "month", "year"];

    public static string Format(TimelineUnit unit) => unit.ToString().ToLowerInvariant();

    /// <returns>Null for "auto" (or nothing).</returns>
    /// <exception cref="QueryException">Not one of <see cref="Names"/>.</exception>
    public static TimelineUnit? Parse(string? text) => text switch
    {
        null or "" or "auto" => null,
        "day" => TimelineUnit.Day,
        "week" => TimelineUnit.Week,
        "month" => TimelineUnit.Month,
        "year" => TimelineUnit.Year,
        _ => throw new QueryException($"未知的时间单位“{UserText.Shorten(text)}”：可用 auto、day、week、month 或 year。"),
    };
}
