namespace Corpus.Ingest.Model;

/// <summary>A block of a document's text that the page layout had put into another document, given back.</summary>
/// <param name="File">The file where the two articles met.</param>
/// <param name="From">The id of the document that held the block.</param>
/// <param name="To">The id of the document whose text it is.</param>
/// <param name="Characters">Letters and digits of the block.</param>
public sealed record MovedBlock(string File, string From, string To, int Characters);
