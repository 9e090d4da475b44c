using Corpus.Search.Analysis;

namespace Corpus.Search.Tests;

/// <summary>What grep would say, on width-folded text without spaces.</summary>
internal static class Brute
{
    public static int Count(string text, string phrase)
    {
        var folded = WidthFold.FoldForMatching(text);
        var foldedPhrase = WidthFold.FoldForMatching(phrase);
        var count = 0;
        for (var at = folded.IndexOf(foldedPhrase, StringComparison.Ordinal); at >= 0;
             at = folded.IndexOf(foldedPhrase, at + foldedPhrase.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Full-width forms of the ASCII chars in a phrase: a width variant the search must treat as equal.</summary>
    public static string ToFullWidth(string text) =>
        new([.. text.Select(c => c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c)]);
}
