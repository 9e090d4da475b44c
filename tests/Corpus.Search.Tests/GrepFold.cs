namespace Corpus.Search.Tests;

/// <summary>
/// The test's own idea of "the same character", written out as tables (not computed, and not the production
/// WidthFold): each full-width form and its half-width one, upper-case Latin to lower case, and the whitespace that
/// matching skips (every Unicode space but the line break, which ends a paragraph).
/// </summary>
internal static class GrepFold
{
    internal const string FullWidth =
        "！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～";

    private const string HalfWidth =
        "!\"#$%&'()*+,-./0123456789:;<=>?@abcdefghijklmnopqrstuvwxyz[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private const string Lower = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Every whitespace char of Unicode except the line feed.</summary>
    internal const string Skipped =
        "\t\u000B\u000C\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    public static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Skipped.Contains(c))
            {
                continue;
            }
            var full = FullWidth.IndexOf(c);
            var upper = Upper.IndexOf(c);
            folded.Append(full >= 0 ? HalfWidth[full] : upper >= 0 ? Lower[upper] : c);
        }
        return folded.ToString();
    }

    /// <summary>The full-width form of every char of <paramref name="text"/> that has one.</summary>
    public static string ToFullWidth(string text) => string.Concat(text.Select(c =>
    {
        var upper = Upper.IndexOf(c);
        var half = HalfWidth.IndexOf(c);
        return upper >= 0 ? FullWidth[FullWidth.IndexOf('Ａ') + upper] : half >= 0 ? FullWidth[half] : c;
    }));
}
