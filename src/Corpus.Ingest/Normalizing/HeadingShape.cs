namespace Corpus.Ingest.Normalizing;

/// <summary>Whether a line looks like a headline, subheading or signature rather than prose.</summary>
internal static class HeadingShape
{
    public const int MaxLength = 72;

    public static bool IsHeadingLike(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }
        var cjk = 0;
        foreach (var c in text)
        {
            if (CharKinds.IsClausePunctuation(c))
            {
                return false;
            }
            if (CharKinds.IsCjk(c))
            {
                cjk++;
            }
        }
        return cjk >= 2 && text[^1] is not ('：' or ':' or '—' or '─' or '…' or '-');
    }

    /// <summary>A bare personal name (2–4 CJK characters), as a speech's byline or a letter's signature.</summary>
    public static bool IsNameOnly(string text)
    {
        if (text.Length is < 2 or > 4)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!CharKinds.IsCjk(c))
            {
                return false;
            }
        }
        return true;
    }
}
