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
    /// <param name="chosen">The copy <see cref="Choose"/> picked.</param>
    public static CleanDocument Merge(IReadOnlyList<ArticleCopy> copies, ArticleCopy chosen, string id)
    {
        var others = copies.Where(c => !ReferenceEquals(c, chosen)).ToList();
        var ranked = new[] { chosen }.Concat(others.OrderByDescending(c => c.Sketch.Length)).ToList();
        var metadata = chosen.Metadata;
        var title = metadata.Titled ? metadata.Title : ranked.FirstOrDefault(c => c.Metadata.Titled)?.Metadata.Title ?? metadata.Title;
        var (date, inferred) = MergeDate(ranked);
        var sources = new List<SourceAppearance>(copies.Count) { new(chosen.File, chosen.Part, false, false, 1.0) };
        var chosenFolded = others.Count > 0 ? TextFolder.Fold(chosen.Text) : "";
        foreach (var copy in others)
        {
            var partial = IsPartial(copy, chosen, DuplicateFinder.Similarity(copy.Sketch, chosen.Sketch));
            // Containment rather than Jaccard, so that a copy cut short but otherwise whole reports about 1.0.
            var containment = Math.Round(RunContainment.Of(TextFolder.Fold(copy.Text), chosenFolded), 3);
            sources.Add(new SourceAppearance(copy.File, copy.Part, true, partial, containment));
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

    /// <summary>A date stated in full by a copy; else one whose year came from a copy's own file; else none, since a
    /// month and day without a year do not make a date.</summary>
    private static (DateOnly? Date, bool Inferred) MergeDate(List<ArticleCopy> ranked)
    {
        var stated = ranked.FirstOrDefault(c => c.Metadata is { DateInferred: false } && c.Metadata.Date.ToDate() is not null);
        if (stated is not null)
        {
            return (stated.Metadata.Date.ToDate(), false);
        }
        var inferred = ranked.FirstOrDefault(c => c.Metadata.Date.ToDate() is not null);
        return inferred is null ? (null, false) : (inferred.Metadata.Date.ToDate(), true);
    }
}
