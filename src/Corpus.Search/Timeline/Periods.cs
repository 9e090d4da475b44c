namespace Corpus.Search.Timeline;

/// <summary>The periods of a timeline: consecutive days, weeks (from Monday), months or years from a first to a last date.</summary>
internal sealed class Periods
{
    /// <summary>Past this many periods a chart is unreadable and the JSON needlessly large: a coarser unit says the same.</summary>
    public const int MaxPeriods = 3660;

    private readonly int first;

    public Periods(TimelineUnit unit, DateOnly from, DateOnly to)
    {
        Unit = unit;
        first = Number(from);
        Count = Number(to) - first + 1;
        if (Count > MaxPeriods)
        {
            throw new QueryException($"时间轴的时段太多（{Count} 个，最多 {MaxPeriods} 个）：请选更大的时间单位或缩小日期范围。");
        }
    }

    public TimelineUnit Unit { get; }

    public int Count { get; }

    /// <summary>
    /// The unit for a span of dates, aiming at 10 to 120 periods: days up to three months, weeks up to two years,
    /// months up to ten years, years beyond.
    /// </summary>
    public static TimelineUnit Auto(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days switch
        {
            <= 92 => TimelineUnit.Day,
            <= 731 => TimelineUnit.Week,
            _ when to.Year - from.Year < 10 => TimelineUnit.Month,
            _ => TimelineUnit.Year,
        };
    }

    /// <summary>The index of the period holding a date key (yyyymmdd).</summary>
    public int IndexOf(int dateKey) => Number(new DateOnly(dateKey / 10000, dateKey / 100 % 100, dateKey % 100)) - first;

    public DateOnly Start(int index) => Unit switch
    {
        TimelineUnit.Day => DateOnly.FromDayNumber(first + index),
        TimelineUnit.Week => DateOnly.FromDayNumber((first + index) * 7),
        TimelineUnit.Month => new DateOnly((first + index) / 12, (first + index) % 12 + 1, 1),
        _ => new DateOnly(first + index, 1, 1),
    };

    /// <summary>A running number of the period holding a date (day 0 of DayNumber is a Monday, so weeks start on Mondays).</summary>
    private int Number(DateOnly date) => Unit switch
    {
        TimelineUnit.Day => date.DayNumber,
        TimelineUnit.Week => date.DayNumber / 7,
        TimelineUnit.Month => date.Year * 12 + date.Month - 1,
        _ => date.Year,
    };
}
