namespace Corpus.Ingest.Normalizing;

/// <summary>How a file's lines were wrapped: hard-wrapped at a fixed width (PDF extraction, plain-text exports, e-mail,
/// formatted documentation) or one line per paragraph.</summary>
/// <param name="Width">The wrap width: most wrapped lines end at this column when <see cref="HardWrapped"/>.</param>
/// <param name="TrailingSpaceEndsParagraph">Only paragraph-final lines carry a trailing space, so it marks their end.</param>
/// <param name="BlankLineEndsParagraph">Wrapped lines follow the previous one directly, so a blank line between two marks
/// a paragraph break (where extraction put blank lines between all lines, they tell nothing).</param>
/// <param name="UsualTrailingWidth">The white space most lines end with (extraction may put a space after every line);
/// only more than that is a space of the source's own.</param>
/// <param name="InCells">The width is counted in screen cells (a CJK character two) rather than characters: a monospaced
/// export wraps at a column, a PDF's extraction at a number of glyphs; the file's own line ends say which.</param>
/// <param name="Margin">The indent that wrapped lines carry: the file's common left margin.</param>
/// <param name="FirstLineIndent">Paragraphs open indented beyond the margin and go on at the margin (print style);
/// otherwise a paragraph's lines share its first line's indent (block style, documentation, e-mail).</param>
internal sealed record WrapLayout(
    bool HardWrapped, int Width, bool TrailingSpaceEndsParagraph, bool BlankLineEndsParagraph = false, int UsualTrailingWidth = 0,
    bool InCells = false, int Margin = 0, bool FirstLineIndent = false)
{
    private const int MinLines = 6;
    private const int MaxWrapWidth = 80;

    public static WrapLayout Detect(IReadOnlyList<SourceLine> lines)
    {
        Span<int> byChars = stackalloc int[MaxWrapWidth + 8];
        Span<int> byCells = stackalloc int[2 * MaxWrapWidth + 8];
        Span<int> trailingWidths = stackalloc int[4];
        var counted = 0;
        var trailing = 0;
        foreach (var line in lines)
        {
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
            // Longer lines than any wrap width land in the last slot, where they count as passing the width.
            byChars[Math.Min(line.Length, byChars.Length - 1)]++;
            byCells[Math.Min(line.Cells, byCells.Length - 1)]++;
        }
        if (counted < MinLines)
        {
            return new WrapLayout(false, 0, false);
        }
        // Lines holding digits or Latin letters are a few characters longer at the same printed width; a monospaced
        // line ends a cell or two short where the next CJK character or word would not fit.
        var (charWidth, charNear) = Peak(byChars, 8, MaxWrapWidth, below: 1, above: 4);
        var (cellWidth, cellNear) = Peak(byCells, 16, 2 * MaxWrapWidth, below: 3, above: 0);
        var inCells = cellNear > charNear;
        var width = inCells ? cellWidth : charWidth;
        var near = Math.Max(cellNear, charNear);
        // Wrapped lines pile up at the width and hardly any pass it; headlines and datelines of one-line paragraphs may
        // share a length, but prose lines run past them.
        var beyond = Beyond(inCells ? byCells : byChars, inCells ? width : width + 4);
        var hardWrapped = width > 0 && beyond * 5 <= counted && (near * 2 >= counted || inCells && IsHardEdge(width, near, beyond, counted));
        var trailingMarks = hardWrapped && trailing * 20 >= counted && trailing * 5 <= counted * 4;
        var usualTrailing = 0;
        for (var w = 1; w < trailingWidths.Length; w++)
        {
            usualTrailing = trailingWidths[w] > trailingWidths[usualTrailing] ? w : usualTrailing;
        }
        var layout = new WrapLayout(hardWrapped, width, trailingMarks, false, usualTrailing, inCells);
        if (!hardWrapped)
        {
            return layout;
        }
        var margin = CommonMargin(lines, layout);
        layout = layout with { BlankLineEndsParagraph = WrapsFollowDirectly(lines, layout), Margin = margin };
        return layout with { FirstLineIndent = OpensIndented(lines, layout, margin) };
    }

    /// <summary>Whether a full line indented beyond the margin mostly goes on at the margin (a paragraph's indented first
    /// line) rather than at its own indent or deeper (a block paragraph, a list item's hanging indent).</summary>
    private static bool OpensIndented(IReadOnlyList<SourceLine> lines, WrapLayout layout, int margin)
    {
        int indentedFull = 0, backToMargin = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i - 1].Indent > margin + 1 && !(layout.BlankLineEndsParagraph && lines[i].BlankLinesBefore > 0) && ListMarker.Cells(lines[i].Text) == 0
                && layout.IsFull(lines[i - 1], lines[i]))
            {
                indentedFull++;
                backToMargin += lines[i].Indent - margin is >= 0 and <= 1 ? 1 : 0;
            }
        }
        return backToMargin * 2 > indentedFull;
    }

    /// <summary>The most frequent line end and how many lines end near it.</summary>
    private static (int Width, int Near) Peak(Span<int> histogram, int from, int to, int below, int above)
    {
        var width = 0;
        for (var length = from; length <= to && length < histogram.Length; length++)
        {
            if (histogram[length] > histogram[width])
            {
                width = length;
            }
        }
        var near = 0;
        for (var length = width - below; width > 0 && length <= width + above && length < histogram.Length; length++)
        {
            near += histogram[length];
        }
        return (width, near);
    }

    /// <summary>Documentation mixes wrapped prose with short lines (headings, list items, code), so fewer than half its
    /// lines reach the width; a hard right edge still shows: a large share pile up at one column and hardly any pass it.</summary>
    private static bool IsHardEdge(int width, int near, int beyond, int counted) =>
        width > 0 && near * 5 >= counted && near >= 2 * (beyond + 1) && beyond * 50 <= counted;

    private static int Beyond(Span<int> histogram, int width)
    {
        var beyond = 0;
        for (var length = width + 1; length < histogram.Length; length++)
        {
            beyond += histogram[length];
        }
        return beyond;
    }

    /// <summary>Whether lines that reach the width are mostly followed directly by the next: then a blank line is a
    /// paragraph break.</summary>
    private static bool WrapsFollowDirectly(IReadOnlyList<SourceLine> lines, WrapLayout layout)
    {
        int direct = 0, full = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            if (layout.IsFull(lines[i - 1], lines[i]))
            {
                full++;
                direct += lines[i].BlankLinesBefore == 0 ? 1 : 0;
            }
        }
        return direct * 2 > full;
    }

    /// <summary>The indent most lines after a full line carry: where wrapped text continues.</summary>
    private static int CommonMargin(IReadOnlyList<SourceLine> lines, WrapLayout layout)
    {
        var counts = new Dictionary<int, int>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (layout.IsFull(lines[i - 1], lines[i]))
            {
                counts[lines[i].Indent] = counts.GetValueOrDefault(lines[i].Indent) + 1;
            }
        }
        return counts.Count == 0 ? 0 : counts.MaxBy(c => (c.Value, -c.Key)).Key;
    }

    /// <summary>The line reached the wrap width, so the paragraph may go on in the next line: it is at the width, or the
    /// next line's first word would not have fitted after it.</summary>
    public bool IsFull(SourceLine line, SourceLine next)
    {
        if (!HardWrapped)
        {
            return false;
        }
        if (!InCells)
        {
            return line.Length >= Width - 1;
        }
        // Where the wrapping tool drew ambiguous-width characters two cells wide, the line is that much longer.
        var widest = line.Cells + line.AmbiguousCells;
        if (widest >= Width - 2 || widest + 1 + FirstWordCells(next.Text) > Width)
        {
            return true;
        }
        // Where blank lines part paragraphs, a wrapping tool that breaks only at spaces leaves a line short by the run of
        // text up to the next space; a line that follows directly and would not have fitted is a wrap.
        return BlankLineEndsParagraph && next.BlankLinesBefore == 0 && widest + RunCells(next.Text) > Width - 2;
    }

    /// <summary>Cells up to the first break opportunity of a tool that breaks only at a space between two Latin letters or
    /// digits (a space beside a CJK character is typography, not a break).</summary>
    private static int RunCells(string text)
    {
        var cells = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && i > 0 && i + 1 < text.Length && IsLatinOrDigit(text[i - 1]) && IsLatinOrDigit(text[i + 1]))
            {
                break;
            }
            cells += CharKinds.Cells(text[i]);
        }
        return cells;
    }

    private static bool IsLatinOrDigit(char c) => char.IsAsciiLetterOrDigit(c) || CharKinds.IsLatinLetter(c);

    private static int FirstWordCells(string text)
    {
        var cells = 0;
        foreach (var c in text)
        {
            if (c == ' ' || cells > 0 && CharKinds.Cells(c) == 2)
            {
                break;
            }
            cells += CharKinds.Cells(c);
            if (cells == 2 && CharKinds.Cells(c) == 2)
            {
                break;
            }
        }
        return cells;
    }
}
