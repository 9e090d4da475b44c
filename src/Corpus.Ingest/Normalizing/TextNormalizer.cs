using System.Text;
using Corpus.Ingest.Splitting;

namespace Corpus.Ingest.Normalizing;

/// <summary>Turns a raw file's text into clean paragraphs: line ends, invisible characters, page furniture,
/// lines wrapped by PDF extraction and the spaces it scattered between CJK characters.</summary>
internal static class TextNormalizer
{
    public static NormalizedText Normalize(string raw)
    {
        var lines = ReadLines(raw);
        var layout = WrapLayout.Detect(lines);
        var paragraphs = new List<Paragraph>();
        var i = 0;
        while (i < lines.Count)
        {
            var first = lines[i];
            var j = i + 1;
            while (j < lines.Count && Continues(lines[j - 1], lines[j], layout))
            {
                j++;
            }
            var paragraph = MakeParagraph(j == i + 1 ? first.Text : Join(lines, i, j, layout), first);
            if (paragraph is not null)
            {
                paragraphs.Add(paragraph);
            }
            i = j;
        }
        return new NormalizedText(paragraphs, layout.HardWrapped);
    }

    /// <summary>Splits into non-blank lines, dropping invisible characters and page-number lines.</summary>
    internal static List<SourceLine> ReadLines(string raw)
    {
        var lines = new List<SourceLine>(raw.Length / 40 + 4);
        var blank = 0;
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
            start = k + 1;
            var line = ToSourceLine(span, blank);
            if (line is null)
            {
                blank++;
                continue;
            }
            blank = 0;
            lines.Add(line.Value);
        }
        return lines;
    }

    private static SourceLine? ToSourceLine(ReadOnlySpan<char> span, int blankBefore)
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
        return PageArtifacts.IsPageNumberLine(content)
            ? null
            : new SourceLine(content, indent, end, end < span.Length, blankBefore, span[end..].Contains('\u3000'), span.Length - end);
    }

    /// <summary>Whether <paramref name="next"/> continues the paragraph that <paramref name="previous"/> is part of.</summary>
    private static bool Continues(SourceLine previous, SourceLine next, WrapLayout layout)
    {
        if (next.Indented)
        {
            return false;
        }
        if (layout.HardWrapped)
        {
            if (layout.BlankLineEndsParagraph && next.BlankLinesBefore > 0)
            {
                return false;
            }
            // Where only paragraph-final lines carry a trailing space, its absence says the line was wrapped; a full line
            // ending in a space between two Latin words was wrapped at that space.
            return layout.TrailingSpaceEndsParagraph
                ? !previous.TrailingSpace || layout.IsFull(previous) && CharKinds.IsLatinLetter(previous.Text[^1]) && CharKinds.IsLatinLetter(next.Text[0])
                : layout.IsFull(previous);
        }
        // One line per paragraph, yet a paragraph broken mid-sentence: prose without a closing mark, and the
        // next line carries on with a CJK character rather than opening something new.
        var text = previous.Text;
        return next.BlankLinesBefore <= 2 && text.Length >= 12 && !CharKinds.IsTerminal(text[^1])
            && !HeadingShape.IsHeadingLike(text) && (CharKinds.IsCjk(next.Text[0]) || next.Text[0] is '，' or '、' or ',')
            && !HeadingShape.IsHeadingLike(next.Text) && !ArticleCues.Dateline(next.Text).Success;
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

    private static Paragraph? MakeParagraph(string text, SourceLine first)
    {
        text = PageArtifacts.StripContinuationMarkers(text, out var continued);
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
