using System.Globalization;

namespace Corpus.Search;

/// <summary>Parses the date bounds users type: yyyy, yyyy-MM or yyyy-MM-dd, in half- or full-width digits.</summary>
public static class DateBound
{
    /// <summary>The longest bound: yyyy-MM-dd.</summary>
    public const int MaxLength = 10;

    private static readonly string[] Formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-M", "yyyy-M-d"];

    /// <param name="upper">True for a "to" bound: 2020 means 2020-12-31, 2020-02 means 2020-02-29.</param>
    /// <exception cref="QueryException">Not a date in one of those forms; the message names the bound.</exception>
    public static DateOnly Parse(string text, bool upper)
    {
        // Chinese input methods often type full-width digits and dashes (２０２０－０３): the same date.
        var trimmed = new string([.. text.Trim().Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c)]);
        if (trimmed.Length > MaxLength
            || !DateOnly.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new QueryException(
                $"{(upper ? "结束日期" : "起始日期")}“{UserText.Shorten(text)}”无法识别：请写成 2020、2020-03 或 2020-03-10。");
        }
        if (!upper)
        {
            return date;
        }
        return trimmed.Count(c => c == '-') switch
        {
            0 => new DateOnly(date.Year, 12, 31),
            1 => new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)),
            _ => date,
        };
    }
}
