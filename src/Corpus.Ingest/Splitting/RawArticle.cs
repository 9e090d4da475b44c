using Corpus.Ingest.Normalizing;

namespace Corpus.Ingest.Splitting;

/// <summary>One article cut out of a file: its headline (empty when it had none) and its paragraphs.</summary>
/// <param name="Part">1-based position of the article within its file.</param>
internal sealed record RawArticle(string Headline, IReadOnlyList<Paragraph> Body, int Part, bool HardWrapped);
