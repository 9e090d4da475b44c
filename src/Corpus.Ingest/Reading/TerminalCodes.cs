using System.Text;

namespace Corpus.Ingest.Reading;

/// <summary>
/// Terminal escape sequences (ECMA-48) in text captured from a terminal: colours and cursor moves (CSI, <c>ESC [ … m</c>),
/// window titles and links (OSC, <c>ESC ] … BEL</c>), character-set switches (<c>ESC ( B</c>). They format text and
/// are not text: a file full of them is still a text file, and they are taken out (and reported as dropped) before
/// anything reads its lines. A lone ESC that starts none of these stays a control character.
/// </summary>
internal static class TerminalCodes
{
    /// <summary>The reason reported for the characters taken out.</summary>
    public const string Reason = "terminal escape codes";

    private const char Escape = '\u001b';

    /// <summary>Past this length an OSC string is taken for damage, not a sequence.</summary>
    private const int MaxOscLength = 512;

    /// <returns>The length of the escape sequence that starts at <paramref name="at"/>, or 0 when none does.</returns>
    public static int LengthAt(string text, int at)
    {
        if (text[at] != Escape || at + 1 >= text.Length)
        {
            return 0;
        }
        var kind = text[at + 1];
        if (kind == '[')
        {
            // Parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
            var i = at + 2;
            while (i < text.Length && text[i] is >= '\u0030' and <= '\u003f')
            {
                i++;
            }
            while (i < text.Length && text[i] is >= '\u0020' and <= '\u002f')
            {
                i++;
            }
            return i < text.Length && text[i] is >= '\u0040' and <= '\u007e' ? i + 1 - at : 0;
        }
        if (kind == ']')
        {
            // Ends at BEL or at the string terminator ESC \.
            for (var i = at + 2; i < text.Length && i - at <= MaxOscLength; i++)
            {
                if (text[i] == '\u0007')
                {
                    return i + 1 - at;
                }
                if (text[i] == Escape)
                {
                    return i + 1 < text.Length && text[i + 1] == '\\' ? i + 2 - at : 0;
                }
            }
            return 0;
        }
        if (kind is '(' or ')' or '*' or '+')
        {
            return at + 2 < text.Length && text[at + 2] is >= '\u0030' and <= '\u007e' ? 3 : 0;
        }
        return 0;
    }

    /// <returns>The text without its escape sequences, and the sequences taken out, one after another ("" when none).</returns>
    public static (string Text, string Codes) Strip(string text)
    {
        var first = text.IndexOf(Escape);
        if (first < 0)
        {
            return (text, "");
        }
        var kept = new StringBuilder(text.Length);
        var codes = new StringBuilder();
        kept.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var length = LengthAt(text, i);
            if (length > 0)
            {
                codes.Append(text, i, length);
                i += length - 1;
            }
            else
            {
                kept.Append(text[i]);
            }
        }
        return (kept.ToString(), codes.ToString());
    }
}
