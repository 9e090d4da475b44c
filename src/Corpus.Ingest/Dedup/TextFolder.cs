using System.Buffers;
using Corpus.Ingest.Normalizing;

namespace Corpus.Ingest.Dedup;

/// <summary>The comparison form of a text: full-width folded to half-width, lower case, letters and digits only.</summary>
internal static class TextFolder
{
    public static string Fold(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            return new string(buffer, 0, Fold(text, buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Folds into <paramref name="destination"/> (at least as long as the text).</summary>
    /// <returns>The folded length.</returns>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        foreach (var raw in text)
        {
            var c = FoldChar(raw);
            if (c != '\0')
            {
                destination[n++] = c;
            }
        }
        return n;
    }

    /// <summary>The folded character, or '\0' for punctuation, symbols and white space.</summary>
    private static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : c is >= 'A' and <= 'Z' ? (char)(c + 32) : '\0';
        }
        if (CharKinds.IsCjk(c))
        {
            return c;
        }
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return FoldChar((char)(c - 0xFEE0));
        }
        if (!char.IsLetterOrDigit(c))
        {
            return '\0';
        }
        return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
    }
}
