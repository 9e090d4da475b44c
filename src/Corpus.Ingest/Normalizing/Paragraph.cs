namespace Corpus.Ingest.Normalizing;

/// <summary>One paragraph of clean text, with the layout facts the splitter needs.</summary>
/// <param name="Text">Clean display text, without indentation.</param>
/// <param name="Indented">The source indented it (two spaces or an ideographic space).</param>
/// <param name="HeadingLike">Short, without clause punctuation: a headline, subheading or signature.</param>
/// <param name="BlankLinesBefore">Empty lines between it and the previous paragraph in the source.</param>
/// <param name="Continued">It began with a page-continuation marker such as "(上接1版)", now removed.</param>
internal sealed record Paragraph(string Text, bool Indented, bool HeadingLike, int BlankLinesBefore, bool Continued);
