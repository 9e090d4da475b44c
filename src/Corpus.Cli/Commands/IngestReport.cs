using Corpus.Ingest.Model;
using Corpus.Search;

namespace Corpus.Cli.Commands;

/// <summary>The JSON report of `corpus ingest --report`: what the index holds and what was left out.</summary>
/// <param name="Fields">Documents with each metadata field stated, inferred or unknown; null when the index was current
/// and nothing was ingested.</param>
internal sealed record IngestReport(
    int Files, IReadOnlyList<IngestReport.Document> Documents, IReadOnlyList<SkippedFile> Skipped, FieldCoverage? Fields)
{
    public static IngestReport From(CorpusStats stats, IEnumerable<CleanDocument> documents, FieldCoverage? fields) => new(
        stats.Files,
        [.. documents.Select(d => new Document(d.Id, d.Title, d.Date, d.DateInferred, d.Venue, d.Kind, d.Speaker, d.Sources))],
        stats.Skipped,
        fields);

    /// <summary>A document without its text, which `corpus export` gives.</summary>
    internal sealed record Document(
        string Id, string Title, DateOnly? Date, bool DateInferred, string? Venue, string Kind, string? Speaker,
        IReadOnlyList<SourceAppearance> Sources);
}
