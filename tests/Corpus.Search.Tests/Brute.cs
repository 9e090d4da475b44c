namespace Corpus.Search.Tests;

/// <summary>What grep would say, on text folded by the test's own table (<see cref="GrepFold"/>).</summary>
internal static class Brute
{
    public static int Count(string text, string phrase)
    {
        var folded = GrepFold.Fold(text);
        var foldedPhrase = GrepFold.Fold(phrase);
        var count = 0;
        for (var at = folded.IndexOf(foldedPhrase, StringComparison.Ordinal); at >= 0;
             at = folded.IndexOf(foldedPhrase, at + foldedPhrase.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Full-width forms of the ASCII chars in a phrase: a width variant the search must treat as equal.</summary>
    public static string ToFullWidth(string text) => GrepFold.ToFullWidth(text);
}
