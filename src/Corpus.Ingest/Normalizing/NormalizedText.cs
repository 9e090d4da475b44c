namespace Corpus.Ingest.Normalizing;

/// <summary>A file's clean paragraphs, whether its lines had been hard-wrapped, and the text cleaning removed.</summary>
internal sealed record NormalizedText(IReadOnlyList<Paragraph> Paragraphs, bool HardWrapped, IReadOnlyList<RemovedText> Removed);
