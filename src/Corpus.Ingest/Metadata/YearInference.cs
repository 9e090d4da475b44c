using Corpus.Ingest.Processing;

namespace Corpus.Ingest.Metadata;

/// <summary>Fills the year of a date that states only month and day, marking it inferred, from one source only: an
/// article of the same file that states the same month and day with a year (a report of an event next to the speech
/// given there, dated in full). A year from a neighbouring article of another day, or from the folder, would be a
/// guess: such a date stays without a year.</summary>
internal static class YearInference
{
    public static List<ArticleCopy> FillFromSource(List<ArticleCopy> copies)
    {
        var years = copies
            .Select(c => c.Metadata.Date)
            .Where(d => d.IsComplete)
            .GroupBy(d => (d.Month, d.Day))
            .Where(g => g.Select(d => d.Year).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Year);
        for (var i = 0; i < copies.Count; i++)
        {
            var date = copies[i].Metadata.Date;
            if (date is { Year: null, Month: not null, HasDay: true } && years.TryGetValue((date.Month, date.Day), out var year))
            {
                copies[i] = copies[i] with { Metadata = copies[i].Metadata with { Date = date with { Year = year }, DateInferred = true } };
            }
        }
        return copies;
    }
}
