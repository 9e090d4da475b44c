using Corpus.Ingest.Model;
using Corpus.Search;

namespace Corpus.Cli.Commands;

/// <summary>The JSON report of `corpus ingest --report`: what the index holds and what was left out.</summary>
/// <param name="Fields">Documents with each metadata field stated, inferred or unknown; null when the index was current
/// and nothing was ingested.</param>
/// <param name="Loss">What this run dropped and what the no-loss check found; null when the index was already current
/// and nothing was ingested.</param>
/// <param name="Moved">Blocks a page layout had put into another article of the same file, given back to their own.</param>
internal sealed record IngestReport(
    int Files, IReadOnlyList<IngestReport.Document> Documents, IReadOnlyList<SkippedFile> Skipped, FieldCoverage? Fields,
    IngestReport.LossReport? Loss, IReadOnlyList<MovedBlock>? Moved)
{
    public static IngestReport From(CorpusStats stats, IEnumerable<CleanDocument> documents, IngestResult? result) => new(
        stats.Files,
        [.. documents.Select(d => new Document(d.Id, d.Title, d.Date, d.DateInferred, d.MonthDay, d.Venue, d.Kind, d.Speaker, d.Sources, d.Copies.Count))],
        stats.Skipped,
        result?.Coverage,
        result is null ? null : new LossReport(
            result.DecodedCharacters, result.Dropped.Sum(d => (long)d.Text.Length), Math.Round(result.DroppedShare, 5),
            result.DroppedCharacters(), result.Unaccounted),
        result?.Moved);

    /// <param name="DroppedByReason">Characters dropped, by reason (page number, running header, web-page leftover, …).</param>
    /// <param name="Unaccounted">Sentences in no document, no copy and not recorded as dropped: empty unless the ingest is broken.</param>
    internal sealed record LossReport(
        long DecodedCharacters, long DroppedCharacters, double DroppedShare, IReadOnlyDictionary<string, long> DroppedByReason,
        IReadOnlyList<UnaccountedText> Unaccounted);

    /// <summary>A document without its text, which `corpus export` gives (with its copies' texts).</summary>
    /// <param name="MonthDay">The month and day of a document whose year is unknown.</param>
    /// <param name="Copies">Copies kept because their headline or text differs from the document's.</param>
    internal sealed record Document(
        string Id, string Title, DateOnly? Date, bool DateInferred, MonthDay? MonthDay, string? Venue, string? Kind, string? Speaker,
        IReadOnlyList<SourceAppearance> Sources, int Copies);
}
