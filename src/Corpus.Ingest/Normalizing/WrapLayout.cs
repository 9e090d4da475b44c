namespace Corpus.Ingest.Normalizing;

/// <summary>How a file's lines were wrapped: hard-wrapped at a fixed width (PDF extraction) or one line per paragraph.</summary>
/// <param name="Width">The wrap width in characters: most lines are this long when <see cref="HardWrapped"/>.</param>
/// <param name="TrailingSpaceEndsParagraph">Only paragraph-final lines carry a trailing space, so it marks their end.</param>
/// <param name="BlankLineEndsParagraph">Most lines follow the previous one directly, so a blank line between two marks a
/// paragraph break (where extraction put blank lines between all lines, they tell nothing).</param>
/// <param name="UsualTrailingWidth">The white space most lines end with (extraction may put a space after every line);
/// only more than that is a space of the source's own.</param>
internal sealed record WrapLayout(bool HardWrapped, int Width, bool TrailingSpaceEndsParagraph, bool BlankLineEndsParagraph = false, int UsualTrailingWidth = 0)
{
    private const int MinLines = 6;
    private const int MaxWrapWidth = 80;

    public static WrapLayout Detect(IReadOnlyList<SourceLine> lines)
    {
        Span<int> histogram = stackalloc int[MaxWrapWidth + 8];
        Span<int> trailingWidths = stackalloc int[4];
        var counted = 0;
        var trailing = 0;
        var afterBlank = 0;
        foreach (var line in lines)
        {
            afterBlank += line.BlankLinesBefore > 0 ? 1 : 0;
            if (line.Length < 8)
            {
                continue;
            }
            counted++;
            trailingWidths[Math.Min(line.TrailingWidth, trailingWidths.Length - 1)]++;
            if (line.TrailingSpace)
            {
                trailing++;
            }
            if (line.Length < histogram.Length)
            {
                histogram[line.Length]++;
            }
        }
        if (counted < MinLines)
        {
            return new WrapLayout(false, 0, false);
        }
        var width = 0;
        for (var length = 8; length <= MaxWrapWidth; length++)
        {
            if (histogram[length] > histogram[width])
            {
                width = length;
            }
        }
        // Lines holding digits or Latin letters are a few characters longer at the same printed width.
        var near = 0;
        for (var length = Math.Max(width - 1, 0); length <= width + 4 && length < histogram.Length; length++)
        {
            near += histogram[length];
        }
        var hardWrapped = width > 0 && near * 2 >= counted;
        var trailingMarks = hardWrapped && trailing * 20 >= counted && trailing * 5 <= counted * 4;
        var usualTrailing = 0;
        for (var w = 1; w < trailingWidths.Length; w++)
        {
            usualTrailing = trailingWidths[w] > trailingWidths[usualTrailing] ? w : usualTrailing;
        }
        return new WrapLayout(hardWrapped, width, trailingMarks, hardWrapped && afterBlank * 2 < lines.Count, usualTrailing);
    }

    /// <summary>The line reached the wrap width, so the paragraph may go on in the next line.</summary>
    public bool IsFull(SourceLine line) => HardWrapped && line.Length >= Width - 1;
}
