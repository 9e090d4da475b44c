namespace Corpus.Ingest.Model;

/// <summary>Text that the ingest removed from a file rather than putting it into a document.</summary>
/// <param name="File">Path relative to the corpus folder, '/' separated.</param>
/// <param name="Text">The removed text as decoded.</param>
/// <param name="Reason">A short stable English label: "page number", "running header", "web-page leftover", ….</param>
public sealed record DroppedText(string File, string Text, string Reason);
