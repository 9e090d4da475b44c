using System.Text;
using Corpus.Search.Analysis;

namespace Corpus.Search.Patterns;

/// <summary>
/// Reads an unquoted query term: <c>*</c> and <c>*N</c> are gaps, <c>?</c> is one character, and a backslash makes
/// <c>* ? \</c> or a digit plain text (<c>\*</c>, <c>*\2020年</c>). Only the ASCII forms are wildcards: ＊ and ？ are
/// text, as they are in Chinese writing.
/// </summary>
internal static class PatternParser
{
    /// <summary>The term's parts, or only its unescaped text when it holds no wildcard (a plain phrase).</summary>
    /// <exception cref="QueryException">A malformed pattern, with what to write instead.</exception>
    public static (string Text, IReadOnlyList<PatternPart>? Parts) Parse(string term)
    {
        var parts = new List<PatternPart>();
        var literal = new StringBuilder();
        var plain = new StringBuilder();
        var wildcards = false;
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            if (c == '\\' && i + 1 < term.Length && IsEscapable(term[i + 1]))
            {
                literal.Append(term[++i]);
                plain.Append(term[i]);
                continue;
            }
            if (c is not ('*' or '?'))
            {
                literal.Append(c);
                plain.Append(c);
                continue;
            }
            wildcards = true;
            Flush(parts, literal);
            if (c == '?')
            {
                parts.Add(new AnyCharPart());
                continue;
            }
            var digits = 0;
            while (i + 1 + digits < term.Length && char.IsAsciiDigit(term[i + 1 + digits]))
            {
                digits++;
            }
            parts.Add(new GapPart(digits == 0 ? PatternSyntax.DefaultGap : GapLength(term, term.Substring(i + 1, digits))));
            i += digits;
        }
        Flush(parts, literal);
        if (!wildcards)
        {
            return (plain.ToString(), null);
        }
        Check(term, parts);
        return (term, parts);
    }

    private static bool IsEscapable(char c) => c is '*' or '?' or '\\' || char.IsAsciiDigit(c);

    private static void Flush(List<PatternPart> parts, StringBuilder literal)
    {
        var folded = WidthFold.FoldForMatching(literal.ToString());
        if (folded.Length > 0)
        {
            parts.Add(new LiteralPart(folded));
        }
        literal.Clear();
    }

    private static int GapLength(string term, string digits)
    {
        var length = digits.Length > 3 ? int.MaxValue : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (length is < 1 or > PatternSyntax.MaxGap)
        {
            throw new QueryException(
                $"“{term}”：* 后的数字是空档最多的字数，须在 1 到 {PatternSyntax.MaxGap} 之间（收到 {digits}）；" +
                "若数字是要查找的文字，在它前面加反斜杠，如 坚持*\\2020年");
        }
        return length;
    }

    private static void Check(string term, List<PatternPart> parts)
    {
        if (!parts.Any(p => p is LiteralPart))
        {
            throw new QueryException($"“{term}”只有通配符：模式里至少要有一个字，如 坚持*不动摇、越?越");
        }
        if (parts[0] is GapPart || parts[^1] is GapPart)
        {
            throw new QueryException($"“{term}”：* 要放在两段文字之间，如 坚持*不动摇（要查找星号本身请写 \\*）");
        }
        for (var k = 1; k < parts.Count; k++)
        {
            if (parts[k] is GapPart && parts[k - 1] is GapPart)
            {
                throw new QueryException($"“{term}”：两个 * 连在一起，请只写一个，如 坚持*20不动摇");
            }
        }
        if (parts.Count(p => p is GapPart) > PatternSyntax.MaxGaps)
        {
            throw new QueryException($"“{term}”的空档（*）太多：一个模式最多 {PatternSyntax.MaxGaps} 个");
        }
    }
}
