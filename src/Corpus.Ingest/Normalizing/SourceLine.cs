namespace Corpus.Ingest.Normalizing;

/// <summary>One non-blank line of a raw file.</summary>
/// <param name="Text">The line without leading and trailing white space.</param>
/// <param name="Indent">Leading white space in half-width cells (an ideographic space counts two).</param>
/// <param name="Length">Length of the line without trailing white space, leading white space included.</param>
/// <param name="TrailingSpace">The line ended in white space before its line break.</param>
/// <param name="BlankLinesBefore">Empty or white-space-only lines just before it.</param>
/// <param name="TrailingIdeographicSpace">Its trailing white space held an ideographic space, which is typography
/// (as after a dateline) and survives when the line is joined to the next.</param>
/// <param name="TrailingWidth">White-space characters after the text, before the line break.</param>
/// <param name="Cells">Where the line ends on a monospaced screen: its indent plus its text, a CJK or full-width
/// character counting two cells.</param>
/// <param name="PageBreakBefore">A form feed came between it and the previous non-blank line.</param>
/// <param name="AmbiguousCells">Characters in it that a screen may draw one or two cells wide; <paramref name="Cells"/>
/// counts them as one.</param>
internal readonly record struct SourceLine(
    string Text, int Indent, int Length, bool TrailingSpace, int BlankLinesBefore, bool TrailingIdeographicSpace = false, int TrailingWidth = 0,
    int Cells = 0, bool PageBreakBefore = false, int AmbiguousCells = 0)
{
    /// <summary>Indentation that marks a paragraph start; one stray space from extraction does not.</summary>
    public bool Indented => Indent >= 2;
}
