namespace Corpus.Ingest.Model;

/// <summary>One distinct article after normalization, splitting, metadata extraction and deduplication.</summary>
/// <param name="Id">Short, URL-safe id, stable across re-ingests of the same corpus.</param>
/// <param name="Text">Clean display text; paragraphs are separated by a single '\n'.</param>
/// <param name="Date">The date the article states; null when no date is stated, or only month and day are (see
/// <see cref="MonthDay"/>) and no article of its file states that day with a year (a year is never taken from other
/// days' articles).</param>
/// <param name="DateInferred">True when the article states month and day but not the year, and the year was taken from
/// an article of its own file dated the same day with a year.</param>
/// <param name="Kind">One of <see cref="ArticleKinds"/>; null when nothing in the text says what the article is.</param>
/// <param name="Sources">Every appearance of the article in the raw corpus; the first is the copy that gave the text and
/// the metadata.</param>
public sealed record CleanDocument(
    string Id,
    string Title,
    DateOnly? Date,
    bool DateInferred,
    string? Venue,
    string? Kind,
    string? Speaker,
    string Text,
    IReadOnlyList<SourceAppearance> Sources)
{
    /// <summary>Every other copy whose text differs from <see cref="Text"/> (an extra paragraph, an edited sentence, a
    /// differently cut ending) or whose headline differs from <see cref="Title"/>, once per distinct title and text, in
    /// the order of <see cref="Sources"/>: merging loses no text, and search finds what only a copy's text holds.</summary>
    public IReadOnlyList<DocumentCopy> Copies { get; init; } = [];

    /// <summary>The month and day the article states when its year is unknown (<see cref="Date"/> null): shown, never
    /// filtered or sorted by, since a day without its year is no point in time.</summary>
    public MonthDay? MonthDay { get; init; }
}

/// <summary>A day of the year, as a dateline states it ("3月10日电") without the year.</summary>
public sealed record MonthDay(int Month, int Day)
{
    public override string ToString() => $"{Month}月{Day}日";
}

/// <summary>The headline and text of one copy of a document, as cleaned from its file.</summary>
/// <param name="File">Path relative to the corpus folder, '/' separated, as in <see cref="SourceAppearance.File"/>.</param>
/// <param name="Part">1-based position of the article within its file.</param>
public sealed record DocumentCopy(string File, int Part, string Title, string Text);

/// <summary>Where an article was found: a file (relative to the corpus folder, '/' separated) and its part in it.</summary>
/// <param name="Part">1-based position of the article within its file: 1 for the first (or only) article.</param>
/// <param name="Duplicate">False for the copy that gave the document its text, true for every other copy.</param>
/// <param name="Partial">True when this copy holds only part of the article (cut short, a continuation).</param>
/// <param name="Similarity">Containment in the chosen copy, 0..1: the share of this copy's width-folded, punctuation-free
/// text found in the chosen copy's (as 24-character runs), so a copy cut short but otherwise whole shows about 1.0; 1 for
/// the chosen copy itself.</param>
public sealed record SourceAppearance(string File, int Part, bool Duplicate, bool Partial, double Similarity);

/// <summary>A file that was not ingested, and why.</summary>
public sealed record SkippedFile(string File, string Reason);

/// <summary>The kinds of article, as the Chinese labels users see and filter by.</summary>
public static class ArticleKinds
{
    public const string Speech = "讲话";
    public const string Inspection = "考察";
    public const string Meeting = "会议";
    public const string Letter = "回信";
    public const string Report = "报道";

    public static IReadOnlyList<string> All { get; } = [Speech, Inspection, Meeting, Letter, Report];
}

/// <summary>What one run of the ingest stage produced.</summary>
/// <param name="Files">Files read (ingested or skipped).</param>
/// <param name="Bytes">Raw bytes read.</param>
/// <param name="Fingerprint">Hash over every file's relative path and content hash: equal fingerprints mean an unchanged corpus.</param>
/// <param name="Documents">Every distinct article, in corpus order. After an ingest through a processing cache that keeps
/// nothing in memory, a document is merged again, its text read back from the cache's files, each time it is read: read
/// each once per pass, while the cache is open.</param>
/// <param name="DuplicatesMerged">Appearances merged into another document (sources minus documents).</param>
/// <param name="Dropped">Every piece of text removed while cleaning and splitting, with the reason.</param>
public sealed record IngestResult(
    int Files,
    long Bytes,
    string Fingerprint,
    IReadOnlyList<CleanDocument> Documents,
    IReadOnlyList<SkippedFile> Skipped,
    int DuplicatesMerged,
    IReadOnlyList<DroppedText> Dropped)
{
    /// <summary>Files read and processed in this run; the others came from the processing cache unchanged.</summary>
    public int FilesProcessed { get; init; }

    /// <summary>Characters of all decoded files, the measure for the share of text dropped.</summary>
    public long DecodedCharacters { get; init; }

    /// <summary>Text that is in no document, no copy and not in <see cref="Dropped"/>: a broken promise of the ingest,
    /// logged as a warning; empty when all is well.</summary>
    public IReadOnlyList<UnaccountedText> Unaccounted { get; init; } = [];

    /// <summary>Characters dropped, by reason.</summary>
    public IReadOnlyDictionary<string, long> DroppedCharacters() =>
        Dropped.GroupBy(d => d.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => (long)d.Text.Length));

    /// <summary>Share of the decoded characters dropped, 0..1.</summary>
    public double DroppedShare => DecodedCharacters == 0 ? 0 : Dropped.Sum(d => (long)d.Text.Length) / (double)DecodedCharacters;

    /// <summary>Blocks that a page layout had put into another article of the same file, given back to their own.</summary>
    public IReadOnlyList<MovedBlock> Moved { get; init; } = [];

    /// <summary>Documents with each metadata field stated, inferred or unknown.</summary>
    public FieldCoverage? Coverage { get; init; }
}

/// <summary>A sentence of a decoded file that the ingest put nowhere: in no document or copy, and not recorded as dropped.</summary>
public sealed record UnaccountedText(string File, string Text);

/// <summary>Progress of a long ingest, for a console line or a log entry.</summary>
/// <param name="FilesDone">Files read so far, or documents once the index is written (see <see cref="CountsDocuments"/>).</param>
public sealed record IngestProgress(string Stage, int FilesDone, int FilesTotal, long BytesDone, int Articles)
{
    /// <summary>The stages of writing the index (writing, committing, merging) count documents, not files.</summary>
    public bool CountsDocuments => Stage is IngestStages.Index or IngestStages.Commit or IngestStages.Merge;
}

/// <summary>The names of an ingest's stages, as <see cref="IngestProgress.Stage"/> reports them.</summary>
public static class IngestStages
{
    public const string Read = "read";
    public const string Dedupe = "dedupe";
    public const string Index = "index";
    public const string Commit = "commit";

    /// <summary>After a fresh index's first commit, which already serves searches: its segments merged into one.</summary>
    public const string Merge = "merge";
}
