using Corpus.Search.Analysis;

namespace Corpus.Search.Querying;

/// <summary>
/// The query syntax: space-separated terms are all required; a term is matched as an exact phrase; "quotes" group
/// text with spaces into one phrase; <c>a OR b</c> needs either; <c>-term</c> excludes; <c>title:term</c> searches titles.
/// </summary>
internal static class QueryParser
{
    public const int MaxLength = 500;
    private const int MaxTerms = 32;
    private const string TitlePrefix = "title:";

    /// <exception cref="QueryException">With a message users can act on.</exception>
    public static ParsedQuery Parse(string query)
    {
        if (query.Length > MaxLength)
        {
            throw new QueryException($"查询太长（{query.Length} 个字符），最多 {MaxLength} 个字符");
        }
        var terms = Tokenize(query);
        if (terms.Count > MaxTerms)
        {
            throw new QueryException($"查询词太多（{terms.Count} 个），最多 {MaxTerms} 个");
        }
        var required = new List<Clause>();
        var excluded = new List<Phrase>();
        var alternatives = new List<Phrase>();
        var pendingOr = false;
        foreach (var term in terms)
        {
            if (term is { Quoted: false, Text: "OR" })
            {
                if (alternatives.Count == 0 || pendingOr)
                {
                    throw new QueryException("OR 两边都需要查询词，例如：疫情 OR 防控");
                }
                pendingOr = true;
                continue;
            }
            var (phrase, negated) = ToPhrase(term);
            if (negated)
            {
                if (pendingOr)
                {
                    throw new QueryException("OR 不能连接排除词（-词）");
                }
                excluded.Add(phrase);
                continue;
            }
            if (!pendingOr && alternatives.Count > 0)
            {
                required.Add(new Clause([.. alternatives]));
                alternatives.Clear();
            }
            alternatives.Add(phrase);
            pendingOr = false;
        }
        if (pendingOr)
        {
            throw new QueryException("OR 两边都需要查询词，例如：疫情 OR 防控");
        }
        if (alternatives.Count > 0)
        {
            required.Add(new Clause([.. alternatives]));
        }
        if (required.Count == 0 && excluded.Count > 0)
        {
            throw new QueryException("只有排除词（-词）：请至少给出一个要查找的词");
        }
        return new ParsedQuery(required, excluded);
    }

    private static (Phrase Phrase, bool Negated) ToPhrase(RawTerm term)
    {
        var text = term.Text;
        var negated = false;
        var field = PhraseField.Body;
        if (!term.Quoted && text.StartsWith('-'))
        {
            negated = true;
            text = text[1..];
        }
        if (!term.Quoted && text.StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase))
        {
            field = PhraseField.Title;
            text = text[TitlePrefix.Length..];
        }
        var quoted = term.Quoted || term.InnerQuoted;
        if (term.InnerQuoted)
        {
            text = text.Trim('"');
        }
        var folded = WidthFold.FoldForMatching(text);
        if (folded.Length == 0)
        {
            throw new QueryException(negated || field == PhraseField.Title || quoted
                ? $"“{term.Text}”后面缺少要查找的文字"
                : "空的查询词");
        }
        return (new Phrase(field, text, folded), negated);
    }

    /// <summary>A whitespace-separated term; a quoted part (also after - or title:) keeps its spaces.</summary>
    private sealed record RawTerm(string Text, bool Quoted, bool InnerQuoted);

    private static List<RawTerm> Tokenize(string query)
    {
        var terms = new List<RawTerm>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var sawQuote = false;
            while (i < query.Length && !char.IsWhiteSpace(query[i]))
            {
                if (IsQuote(query[i]))
                {
                    var close = IndexOfQuote(query, i + 1);
                    if (close < 0)
                    {
                        throw new QueryException("引号没有成对：请补上结尾的引号");
                    }
                    sawQuote = true;
                    i = close + 1;
                    if (i < query.Length && !char.IsWhiteSpace(query[i]))
                    {
                        throw new QueryException("引号结束后请用空格隔开下一个词");
                    }
                    break;
                }
                i++;
            }
            var raw = NormalizeQuotes(query[start..i]);
            if (sawQuote && raw.StartsWith('"'))
            {
                terms.Add(new RawTerm(raw[1..^1], Quoted: true, InnerQuoted: false));
            }
            else
            {
                terms.Add(new RawTerm(raw, Quoted: false, InnerQuoted: sawQuote));
            }
        }
        return terms;
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '＂';

    private static int IndexOfQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (IsQuote(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static string NormalizeQuotes(string text) =>
        text.Replace('“', '"').Replace('”', '"').Replace('＂', '"');
}
