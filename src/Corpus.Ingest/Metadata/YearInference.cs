using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Metadata;

/// <summary>Fills the missing year of a date that states month and day, marking it inferred, only where the article's
/// own file justifies it: another article of the file states a full date in the same month within a day of it (as
/// articles of one newspaper page, a day's dispatches). A year taken from elsewhere, or from a distant date, would be a
/// guess, and the date stays unknown.</summary>
internal static class YearInference
{
    /// <summary>Days apart at most for a neighbour's year to carry over.</summary>
    private const int MaxDaysApart = 1;

    public static List<ArticleCopy> FillFromSource(List<ArticleCopy> copies)
    {
        var stated = copies.Select(c => c.Metadata.Date).ToList();
        for (var i = 0; i < copies.Count; i++)
        {
            var date = stated[i];
            if (date is not { Year: null, Month: { } month, Day: { } day })
            {
                continue;
            }
            var year = NearestYear(stated, i, month, day);
            if (year is not null)
            {
                copies[i] = copies[i] with { Metadata = copies[i].Metadata with { Date = date with { Year = year }, DateInferred = true } };
            }
        }
        return copies;
    }

    private static int? NearestYear(List<PartialDate> dates, int index, int month, int day)
    {
        for (var distance = 1; distance < dates.Count; distance++)
        {
            foreach (var j in new[] { index - distance, index + distance })
            {
                if (j >= 0 && j < dates.Count && dates[j] is { IsComplete: true } other && other.Month == month && Math.Abs(other.Day!.Value - day) <= MaxDaysApart)
                {
                    return other.Year;
                }
            }
        }
        return null;
    }
}
