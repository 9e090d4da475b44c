namespace Corpus.Ingest.Normalizing;

/// <summary>A file's clean paragraphs, and whether its lines had been hard-wrapped.</summary>
internal sealed record NormalizedText(IReadOnlyList<Paragraph> Paragraphs, bool HardWrapped);
