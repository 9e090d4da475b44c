using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;
using Corpus.Ingest.Model;

namespace Corpus.Ingest.Processing;

/// <summary>Turns a group of copies into one document: the best copy gives the text, every copy stays as provenance.</summary>
internal static class DocumentMerger
{
    /// <summary>Copies at least this share of the longest copy's length count as complete.</summary>
    private const double CompleteShare = 0.97;

    /// <summary>Length ratio and similarity from which two copies hold the same text (extraction noise aside).</summary>
    private const double SameShare = 0.99;

    /// <param name="copies">The group, in corpus order.</param>
    /// <param name="corpusYear">Year for dates that no copy and no source states.</param>
    /// <param name="chosen">The copy <see cref="Choose"/> picked.</param>
    public static CleanDocument Merge(IReadOnlyList<ArticleCopy> copies, ArticleCopy chosen, int? corpusYear, string id)
    {
        var others = copies.Where(c => !ReferenceEquals(c, chosen)).ToList();
        var ranked = new[] { chosen }.Concat(others.OrderByDescending(c => c.Sketch.Length)).ToList();
        var metadata = chosen.Metadata;
        var title = metadata.Titled ? metadata.Title : ranked.FirstOrDefault(c => c.Metadata.Titled)?.Metadata.Title ?? metadata.Title;
        var (date, inferred) = MergeDate(ranked, corpusYear);
        var sources = new List<SourceAppearance>(copies.Count) { new(chosen.File, chosen.Part, false, false, 1.0) };
        foreach (var copy in others)
        {
            var similarity = Math.Round(DuplicateFinder.Similarity(copy.Sketch, chosen.Sketch), 3);
            sources.Add(new SourceAppearance(copy.File, copy.Part, true, IsPartial(copy, chosen, similarity), similarity));
        }
        return new CleanDocument(
            id, title, date, inferred,
            metadata.Venue ?? ranked.Select(c => c.Metadata.Venue).FirstOrDefault(v => v is not null),
            metadata.Kind,
            metadata.Speaker ?? ranked.Select(c => c.Metadata.Speaker).FirstOrDefault(s => s is not null),
            chosen.Text, sources);
    }

    /// <summary>A copy that lacks part of the text: shorter than the chosen one and not the same text.</summary>
    private static bool IsPartial(ArticleCopy copy, ArticleCopy chosen, double similarity) =>
        copy.Sketch.Length < chosen.Sketch.Length * SameShare && similarity < SameShare;

    /// <summary>The most complete copy; among complete ones the richest in metadata, with the plainest headline
    /// (a re-run adds to it), the cleanest text (full-width punctuation, not PDF-wrapped), then the first.</summary>
    public static ArticleCopy Choose(IReadOnlyList<ArticleCopy> copies)
    {
        var longest = copies.Max(c => c.Sketch.Length);
        return copies
            .Where(c => c.Sketch.Length >= longest * CompleteShare)
            .OrderByDescending(Richness)
            .ThenBy(c => c.Metadata.Titled ? c.Metadata.Title.Length : int.MaxValue)
            .ThenBy(c => c.HalfWidthPunctuation)
            .ThenBy(c => c.HardWrapped)
            .First();
    }

    private static int Richness(ArticleCopy copy) =>
        (copy.HasDateline ? 1 : 0) + (copy.Metadata.Venue is not null ? 1 : 0)
        + (copy.Metadata.Date is { IsComplete: true } && !copy.Metadata.DateInferred ? 1 : 0) + (copy.Metadata.Date.HasDay ? 1 : 0);

    private static (DateOnly? Date, bool Inferred) MergeDate(List<ArticleCopy> ranked, int? corpusYear)
    {
        var stated = ranked.FirstOrDefault(c => c.Metadata is { DateInferred: false, Date.IsComplete: true });
        if (stated is not null && stated.Metadata.Date.ToDate() is { } statedDate)
        {
            return (statedDate, false);
        }
        var partial = ranked.FirstOrDefault(c => c.Metadata.Date is { HasDay: true, Month: not null });
        if (partial is null)
        {
            return (null, false);
        }
        var date = partial.Metadata.Date;
        if (date.Year is null)
        {
            date = date with { Year = corpusYear };
        }
        return (date.ToDate(), true);
    }
}
