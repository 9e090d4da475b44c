namespace Corpus.Search.Analysis;

/// <summary>
/// The one definition of "the same character" for matching: full-width ASCII forms and the ideographic space fold
/// to their half-width forms, Latin letters to lower case, Traditional characters to Simplified ones
/// (<see cref="ScriptFold"/>), and spaces inside a paragraph are ignored. Every mapping is one char to one char (or
/// to nothing), so the analyzers, the query and the highlighter agree by construction.
/// </summary>
public static class WidthFold
{
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => ToLower((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        < '\u3400' => ToLower(c),
        _ => ScriptFold.ToSimplified(c),
    };

    /// <summary>Whitespace that matching skips; a line break is a paragraph boundary and is kept.</summary>
    public static bool IsIgnorable(char c) => c != '\n' && char.IsWhiteSpace(c);

    /// <summary>The folded text without ignorable whitespace, and for each of its chars the index in <paramref name="text"/>.</summary>
    public static string FoldForMatching(string text, out int[] map)
    {
        var chars = new char[text.Length];
        map = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsIgnorable(c))
            {
                continue;
            }
            chars[n] = Fold(c);
            map[n++] = i;
        }
        Array.Resize(ref map, n);
        return new string(chars, 0, n);
    }

    /// <summary>
    /// For word segmentation: full-width letters and digits folded, punctuation and spaces left as they are (the
    /// segmenter drops punctuation anyway, and it runs a third slower when Chinese commas become ASCII ones).
    /// Same length, same offsets.
    /// </summary>
    public static string FoldWordChars(string text) => string.Create(text.Length, text, static (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var folded = Fold(source[i]);
            chars[i] = char.IsLetterOrDigit(folded) ? folded : source[i];
        }
    });

    /// <summary>The folded text without ignorable whitespace (a query phrase, or text to compare with one).</summary>
    public static string FoldForMatching(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsIgnorable(c))
            {
                builder.Append(Fold(c));
            }
        }
        return builder.ToString();
    }

    private static char ToLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
}
