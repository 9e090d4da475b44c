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
    /// <param name="chosen">The copy <see cref="Choose"/> picked: it gives the text and, as a whole, the metadata (title,
    /// date, venue, kind, speaker), so that a document never shows one file's title over another file's text. The chosen
    /// copy is complete and the richest in metadata among complete copies; a cut copy or a continuation never gives any.</param>
    public static CleanDocument Merge(IReadOnlyList<ArticleCopy> copies, ArticleCopy chosen, string id)
    {
        var metadata = chosen.Metadata;
        // Read once: a released copy reads its text back on every use.
        var text = chosen.Text;
        var sources = new List<SourceAppearance>(copies.Count) { new(chosen.File, chosen.Part, false, false, 1.0) };
        var seen = new HashSet<(string, string)> { (chosen.Metadata.Title, text) };
        var kept = new List<DocumentCopy>();
        var chosenFolded = copies.Count > 1 ? TextFolder.Fold(text) : "";
        foreach (var copy in copies.Where(c => !ReferenceEquals(c, chosen)))
        {
            var copyText = copy.Text;
            var partial = IsPartial(copy, chosen, DuplicateFinder.Similarity(copy.Sketch, chosen.Sketch));
            // Containment rather than Jaccard, so that a copy cut short but otherwise whole reports about 1.0.
            var containment = Math.Round(RunContainment.Of(TextFolder.Fold(copyText), chosenFolded), 3);
            sources.Add(new SourceAppearance(copy.File, copy.Part, true, partial, containment));
            if (seen.Add((copy.Metadata.Title, copyText)))
            {
                kept.Add(new DocumentCopy(copy.File, copy.Part, copy.Metadata.Title, copyText));
            }
        }
        var (date, inferred, monthDay) = Dating(metadata);
        return new CleanDocument(id, metadata.Title, date, inferred, metadata.Venue, metadata.Kind, metadata.Speaker, text, sources)
        {
            Copies = kept,
            MonthDay = monthDay,
        };
    }

    /// <summary>The date a document of this metadata shows, whether its year was inferred, and the month and day it
    /// shows when its year is unknown.</summary>
    public static (DateOnly? Date, bool Inferred, MonthDay? MonthDay) Dating(ArticleMetadata metadata)
    {
        var date = metadata.Date.ToDate();
        return (date, date is not null && metadata.DateInferred,
            date is null && metadata.Date is { Month: >= 1 and <= 12, Day: >= 1 and <= 31 } d ? new MonthDay(d.Month.Value, d.Day.Value) : null);
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
}
