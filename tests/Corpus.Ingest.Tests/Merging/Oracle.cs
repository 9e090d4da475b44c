using System.Globalization;
using System.Text;

namespace Corpus.Ingest.Tests.Merging;

/// <summary>The tests' own comparison form and sentence cut, written independently of the ingest's folding and splitting.</summary>
internal static class Oracle
{
    /// <summary>Letters and digits only, full-width forms as half-width, lower case.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>Sentences as a reader cuts them: at 。！？；, at a line break and at a blank; folded, empty ones left out.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('。' or '！' or '？' or '；' or '!' or '?' or '\n' or '\r'))
            {
                continue;
            }
            var folded = Fold(text[start..i]);
            if (folded.Length > 0)
            {
                yield return folded;
            }
            start = i + 1;
        }
    }
}
