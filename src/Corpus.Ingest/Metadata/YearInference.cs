using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Metadata;

/// <summary>Fills a date's missing year (and month) from the article's own file, marking the date inferred. Nothing
/// outside the file counts: a year taken from unrelated articles would be a guess.</summary>
internal static class YearInference
{
    /// <summary>From the nearest articles of the same file that state the month, and the year.</summary>
    public static List<ArticleCopy> FillFromSource(List<ArticleCopy> copies)
    {
        var stated = copies.Select(c => c.Metadata.Date).ToList();
        for (var i = 0; i < copies.Count; i++)
        {
            var date = stated[i];
            if (!date.HasDay || date.IsComplete)
            {
                continue;
            }
            var month = date.Month ?? Nearest(stated, i, d => d.Month);
            var year = date.Year ?? Nearest(stated, i, d => d.Year);
            if (month == date.Month && year == date.Year)
            {
                continue;
            }
            copies[i] = copies[i] with { Metadata = copies[i].Metadata with { Date = new PartialDate(year, month, date.Day), DateInferred = true } };
        }
        return copies;
    }

    private static int? Nearest(List<PartialDate> dates, int index, Func<PartialDate, int?> part)
    {
        for (var distance = 1; distance < dates.Count; distance++)
        {
            foreach (var j in new[] { index - distance, index + distance })
            {
                if (j >= 0 && j < dates.Count && part(dates[j]) is { } value)
                {
                    return value;
                }
            }
        }
        return null;
    }
}
