using System.Globalization;

namespace Corpus.Ingest.Reading;

/// <summary>Checks on decoded text: is it text at all, and does a guessed encoding give characters real text has.</summary>
internal static class TextCheck
{
    /// <summary>Rejects text that decoded but is not text: control characters (terminal escape sequences aside), or
    /// nothing but white space.</summary>
    public static DecodedFile Binary(string text, string encoding)
    {
        var control = 0;
        var visible = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (TerminalCodes.LengthAt(text, i) is > 0 and var sequence)
            {
                // Formatting from a terminal, taken out later: not a sign of binary content.
                i += sequence - 1;
            }
            else if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
            else if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                visible++;
            }
        }
        if (visible == 0)
        {
            return DecodedFile.Skip("empty file (white space only)");
        }
        // Real text has essentially no C0 controls; a few stray ones are tolerated, a binary blob has many.
        if (control > 8 && control * 100 > text.Length)
        {
            return DecodedFile.Skip($"binary content ({control} control characters)");
        }
        return DecodedFile.Ok(text, encoding);
    }

    /// <summary>
    /// Null when the text is plausible, else why not. Bytes decoded with the wrong encoding land on characters no
    /// author typed: C0/C1 controls, unassigned or private-use code points, replacement characters. More than one
    /// in a hundred visible characters means the encoding was guessed wrong.
    /// </summary>
    public static string? Plausible(string text)
    {
        var odd = 0;
        var visible = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (TerminalCodes.LengthAt(text, i) is > 0 and var sequence)
            {
                i += sequence - 1;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            visible++;
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
                || c == '\uFFFD')
            {
                odd++;
            }
        }
        return odd * 100 > visible ? $"{odd} of {visible} characters are controls, unassigned, private-use or replacement characters" : null;
    }
}
