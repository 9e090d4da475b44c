namespace Corpus.Ingest.Dedup;

/// <summary>The comparison form of a text: full-width folded to half-width, lower case, letters and digits only.</summary>
internal static class TextFolder
{
    public static string Fold(string text)
    {
        return string.Create(CountKept(text), text, static (span, source) =>
        {
            var n = 0;
            foreach (var raw in source)
            {
                var c = FoldChar(raw);
                if (c != '\0')
                {
                    span[n++] = c;
                }
            }
        });
    }

    private static int CountKept(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (FoldChar(c) != '\0')
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The folded character, or '\0' for punctuation, symbols and white space.</summary>
    private static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : c is >= 'A' and <= 'Z' ? (char)(c + 32) : '\0';
        }
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return FoldChar((char)(c - 0xFEE0));
        }
        if (char.IsSurrogate(c))
        {
            return c;
        }
        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
    }
}
