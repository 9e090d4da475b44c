using Corpus.Ingest.Dedup;
using Corpus.Ingest.Metadata;

namespace Corpus.Ingest.Processing;

/// <summary>One appearance of an article in one file, ready for deduplication.</summary>
/// <param name="File">Path relative to the corpus folder, '/' separated.</param>
/// <param name="Part">1-based position of the article among the articles of its file.</param>
/// <param name="Text">Clean display text, paragraphs separated by '\n'.</param>
/// <param name="Sketch">Fingerprints of the folded text (its length, content hash, shingles); the folded text itself is
/// not kept, to keep a large corpus in memory.</param>
/// <param name="HardWrapped">Came from a hard-wrapped (PDF-extracted) file.</param>
/// <param name="HalfWidthPunctuation">Half-width commas and stops among the CJK text: a sign of a re-typed copy.</param>
/// <param name="HasDateline">Opens with a news dateline.</param>
internal sealed record ArticleCopy(
    string File,
    int Part,
    string Text,
    ArticleMetadata Metadata,
    ShingleSketch Sketch,
    bool HardWrapped,
    int HalfWidthPunctuation,
    bool HasDateline)
{
    private string? text = Text;
    private Func<string>? readBack;

    /// <summary>Clean display text, paragraphs separated by '\n'; read back from the processing cache on every use when
    /// the copy was <see cref="Released"/>, so read it once per use.</summary>
    public string Text
    {
        get => text ?? readBack!();
        init => text = value;
    }

    /// <summary>Whether the text is read back on every use rather than held.</summary>
    public bool IsReleased => text is null;

    /// <summary>This copy without its text in memory: a million texts do not fit a small machine, and most are wanted
    /// only once more, to be indexed.</summary>
    /// <param name="readBack">Gives the text again, the same each time.</param>
    public ArticleCopy Released(Func<string> readBack) => this with { text = null, readBack = readBack };
}
