using System.Text;

namespace Corpus.Ingest.Normalizing;

/// <summary>Removes the spaces text extraction puts between CJK characters and between CJK and digits.</summary>
internal static class CjkSpacing
{
    /// <param name="keepWordBreaks">For headings: a space between two CJK phrases separates them, so one is kept.</param>
    public static string Clean(string text, bool keepWordBreaks)
    {
        if (!HasLooseSpace(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!CharKinds.IsLooseSpace(c))
            {
                builder.Append(c);
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && CharKinds.IsLooseSpace(text[end]))
            {
                end++;
            }
            if (builder.Length > 0 && end < text.Length && KeepSpace(builder[^1], text[end], keepWordBreaks))
            {
                builder.Append(' ');
            }
            i = end;
        }
        return builder.ToString();
    }

    private static bool HasLooseSpace(string text)
    {
        foreach (var c in text)
        {
            if (CharKinds.IsLooseSpace(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool KeepSpace(char left, char right, bool keepWordBreaks)
    {
        // Latin words keep their spaces; so do two numbers side by side.
        if (CharKinds.IsLatinLetter(left) || CharKinds.IsLatinLetter(right) || CharKinds.IsDigit(left) && CharKinds.IsDigit(right))
        {
            return true;
        }
        return keepWordBreaks && IsWordish(left) && IsWordish(right) && !(CharKinds.IsDigit(left) || CharKinds.IsDigit(right));
    }

    private static bool IsWordish(char c) => CharKinds.IsCjk(c) || c is '“' or '”' or '"' or '》' or '《' || CharKinds.IsDigit(c);
}
