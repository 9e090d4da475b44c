using System.Text;
using Corpus.Ingest.Splitting;

namespace Corpus.Ingest.Normalizing;

/// <summary>Turns a raw file's text into clean paragraphs: line ends, invisible characters, page furniture,
/// hard-wrapped lines (PDF extraction, plain-text exports, documentation) and the spaces extraction scattered between
/// CJK characters. Every piece of text it removes is listed with the reason.</summary>
internal static class TextNormalizer
{
    public static NormalizedText Normalize(string raw)
    {
        var removed = new List<RemovedText>();
        var lines = PageArtifacts.Remove(ReadLines(raw), removed);
        var layout = WrapLayout.Detect(lines);
        var paragraphs = new List<Paragraph>();
        var i = 0;
        while (i < lines.Count)
        {
            var first = lines[i];
            var j = i + 1;
            while (j < lines.Count && Continues(first, j - 1 == i, lines[j - 1], lines[j], layout))
            {
                j++;
            }
            var paragraph = MakeParagraph(j == i + 1 ? first.Text : Join(lines, i, j, layout), first, removed);
            if (paragraph is not null)
            {
                paragraphs.Add(paragraph);
            }
            i = j;
        }
        return new NormalizedText(paragraphs, layout.HardWrapped, removed);
    }

    /// <summary>Splits into non-blank lines, dropping invisible characters and noting form feeds.</summary>
    internal static List<SourceLine> ReadLines(string raw)
    {
        var lines = new List<SourceLine>(raw.Length / 40 + 4);
        var blank = 0;
        var pageBreak = false;
        var start = 0;
        for (var k = 0; k <= raw.Length; k++)
        {
            if (k < raw.Length && raw[k] is not ('\n' or '\r' or '\f' or '\v' or '\u2028' or '\u2029'))
            {
                continue;
            }
            var span = raw.AsSpan(start, k - start);
            if (k < raw.Length && raw[k] == '\r' && k + 1 < raw.Length && raw[k + 1] == '\n')
            {
                k++;
            }
            var breaksPage = k < raw.Length && raw[k] == '\f';
            start = k + 1;
            var line = ToSourceLine(span, blank, pageBreak);
            if (line is null)
            {
                blank++;
                pageBreak |= breaksPage;
                continue;
            }
            blank = 0;
            pageBreak = breaksPage;
            lines.Add(line.Value);
        }
        return lines;
    }

    private static SourceLine? ToSourceLine(ReadOnlySpan<char> span, int blankBefore, bool pageBreakBefore)
    {
        string text;
        if (span.ContainsAny('\uFEFF', '\u200B', '\u200C') || span.ContainsAny('\u200D', '\u2060', '\u00AD'))
        {
            var clean = new StringBuilder(span.Length);
            foreach (var c in span)
            {
                if (!CharKinds.IsInvisible(c))
                {
                    clean.Append(c);
                }
            }
            text = clean.ToString();
            span = text.AsSpan();
        }
        var indent = 0;
        var lead = 0;
        while (lead < span.Length && (CharKinds.IsLooseSpace(span[lead]) || span[lead] == '\u3000'))
        {
            indent += span[lead] switch { '\u3000' => 2, '\t' => 4, _ => 1 };
            lead++;
        }
        var end = span.Length;
        while (end > lead && (CharKinds.IsLooseSpace(span[end - 1]) || span[end - 1] == '\u3000'))
        {
            end--;
        }
        if (end == lead)
        {
            return null;
        }
        var content = span[lead..end].ToString();
        var cells = indent;
        var ambiguous = 0;
        foreach (var c in content)
        {
            cells += CharKinds.Cells(c);
            ambiguous += CharKinds.IsAmbiguousWidth(c) ? 1 : 0;
        }
        return new SourceLine(
            content, indent, end, end < span.Length, blankBefore, span[end..].Contains('\u3000'), span.Length - end, cells, pageBreakBefore, ambiguous);
    }

    /// <summary>Whether <paramref name="next"/> continues the paragraph that opened with <paramref name="first"/> and
    /// that <paramref name="previous"/> is the last line of so far.</summary>
    private static bool Continues(SourceLine first, bool previousIsFirst, SourceLine previous, SourceLine next, WrapLayout layout)
    {
        if (layout.HardWrapped)
        {
            if (layout.BlankLineEndsParagraph && next.BlankLinesBefore > 0 || !AtContinuationIndent(first, previousIsFirst, previous, next, layout))
            {
                return false;
            }
            // Where only paragraph-final lines carry a trailing space, its absence says the line was wrapped; a full line
            // ending in a space between two Latin words was wrapped at that space.
            return layout.TrailingSpaceEndsParagraph
                ? !previous.TrailingSpace || layout.IsFull(previous, next) && CharKinds.IsLatinLetter(previous.Text[^1]) && CharKinds.IsLatinLetter(next.Text[0])
                : layout.IsFull(previous, next);
        }
        if (next.Indented)
        {
            return false;
        }
        // One line per paragraph, yet a paragraph broken mid-sentence: prose without a closing mark, and the
        // next line carries on with a CJK character rather than opening something new.
        var text = previous.Text;
        return next.BlankLinesBefore <= 2 && text.Length >= 12 && !CharKinds.IsTerminal(text[^1])
            && !HeadingShape.IsHeadingLike(text) && (CharKinds.IsCjk(next.Text[0]) || next.Text[0] is '，' or '、' or ',')
            && !HeadingShape.IsHeadingLike(next.Text) && !ArticleCues.Dateline(next.Text).Success;
    }

    /// <summary>A wrapped line goes on at the paragraph's indent: the margin after an indented first line (print style),
    /// else the first line's own indent, or past a list item's marker (a hanging indent). A stray space either way is
    /// extraction noise. A line opening with a list marker starts a new item.</summary>
    private static bool AtContinuationIndent(SourceLine first, bool previousIsFirst, SourceLine previous, SourceLine next, WrapLayout layout)
    {
        if (ListMarker.Cells(next.Text) > 0)
        {
            return false;
        }
        if (!previousIsFirst)
        {
            return Math.Abs(next.Indent - previous.Indent) <= 1;
        }
        var marker = ListMarker.Cells(first.Text);
        if (marker > 0)
        {
            return Math.Abs(next.Indent - first.Indent - marker) <= 1 || Math.Abs(next.Indent - first.Indent) <= 1;
        }
        return layout.FirstLineIndent && first.Indent > layout.Margin + 1
            ? next.Indent - layout.Margin is >= 0 and <= 1
            : Math.Abs(next.Indent - first.Indent) <= 1 && !(layout.FirstLineIndent && next.Indent > layout.Margin + 1);
    }

    private static string Join(List<SourceLine> lines, int from, int to, WrapLayout layout)
    {
        var builder = new StringBuilder(lines[from].Text.Length * (to - from + 1));
        for (var k = from; k < to; k++)
        {
            var next = lines[k].Text;
            if (k > from && lines[k - 1].TrailingIdeographicSpace)
            {
                builder.Append('\u3000');
            }
            else if (builder.Length > 0 && CharKinds.IsLatinLetter(builder[^1]) && CharKinds.IsLatinLetter(next[0])
                && WordBreakAt(lines[k - 1], lines[k], builder[^1], next[0], layout))
            {
                builder.Append(' ');
            }
            builder.Append(next);
        }
        return builder.ToString();
    }

    /// <summary>Whether a line break between two Latin letters stands for a space. The source says so by a space of its
    /// own at the break: more trailing white space than the file puts after every line, or a space opening the next
    /// line. Without one, a wrap inside a word is the rule ("Worl|d", "a|nd"), unless the case turns from lower to
    /// upper, which starts a new word ("World|Health").</summary>
    private static bool WordBreakAt(SourceLine previous, SourceLine next, char before, char after, WrapLayout layout) =>
        previous.TrailingWidth > layout.UsualTrailingWidth || next.Indent > 0 || char.IsLower(before) && char.IsUpper(after);

    private static Paragraph? MakeParagraph(string text, SourceLine first, List<RemovedText> removed)
    {
        text = PageArtifacts.StripContinuationMarkers(text, out var continued, removed);
        if (text.Length == 0)
        {
            return null;
        }
        var dateline = ArticleCues.Dateline(text);
        if (dateline.Success && dateline.Length < text.Length)
        {
            // The dateline's own spaces go, and its separator from the lead becomes one ideographic space.
            var rest = text.AsSpan(dateline.Length).TrimStart(" \t\u00A0\u3000");
            text = CjkSpacing.Clean(dateline.Value, keepWordBreaks: false) + "\u3000" + CjkSpacing.Clean(rest.ToString(), keepWordBreaks: false);
            return new Paragraph(text, first.Indented, false, first.BlankLinesBefore, continued);
        }
        var heading = HeadingShape.IsHeadingLike(text);
        text = CjkSpacing.Clean(text, keepWordBreaks: heading).Trim();
        return text.Length == 0 ? null : new Paragraph(text, first.Indented, heading, first.BlankLinesBefore, continued);
    }
}
