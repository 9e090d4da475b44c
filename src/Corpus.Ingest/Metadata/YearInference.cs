using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Metadata;

/// <summary>Fills a date's missing year (and month) from the rest of the article's source, marking the date inferred:
/// first its own file, then the folder it was collected in (files gathered together, such as one batch of clippings,
/// share their period). Nothing beyond the folder counts: a year taken from unrelated collections would be a guess.</summary>
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

    /// <summary>A day and month without a year take the year that the folder's articles state most often.</summary>
    public static List<ArticleCopy> FillFromFolder(List<ArticleCopy> copies)
    {
        var folderYears = copies
            .Where(c => c.Metadata is { DateInferred: false, Date.IsComplete: true })
            .GroupBy(c => Folder(c.File), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(c => c.Metadata.Date.Year!.Value).OrderByDescending(y => y.Count()).ThenBy(y => y.Key).First().Key,
                StringComparer.Ordinal);
        for (var i = 0; i < copies.Count; i++)
        {
            var date = copies[i].Metadata.Date;
            if (date is { Year: null, Month: not null, HasDay: true } && folderYears.TryGetValue(Folder(copies[i].File), out var year))
            {
                copies[i] = copies[i] with { Metadata = copies[i].Metadata with { Date = date with { Year = year }, DateInferred = true } };
            }
        }
        return copies;
    }

    private static string Folder(string relativeFile) => relativeFile.LastIndexOf('/') is var slash and >= 0 ? relativeFile[..slash] : "";

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
