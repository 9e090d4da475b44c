using Corpus.Search.Analysis;

namespace Corpus.Search.Querying;

/// <summary>
/// The query syntax: space-separated terms are all required; a term is matched as an exact phrase; "quotes" group
/// text with spaces into one phrase; <c>a OR b</c> needs either; <c>-term</c> excludes; <c>title:term</c> searches titles.
/// </summary>
internal static class QueryParser
{
    public const int MaxLength = SearchService.MaxQueryLength;
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
            if (term is { Quoted: false, Negated: false, Field: PhraseField.Body, Text: "OR" })
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
        var folded = WidthFold.FoldForMatching(term.Text);
        if (folded.Length == 0)
        {
            throw new QueryException(term.Negated || term.Field == PhraseField.Title || term.Quoted
                ? $"“{term.Source}”里缺少要查找的文字"
                : "空的查询词");
        }
        return (new Phrase(term.Field, term.Text, folded), term.Negated);
    }

    /// <summary>A term as typed (<see cref="Source"/>) and what it asks for.</summary>
    private sealed record RawTerm(string Source, string Text, bool Negated, PhraseField Field, bool Quoted);

    /// <summary>
    /// Splits at whitespace. A term may start with - and then title:; if what follows opens a quote, the phrase runs
    /// to the matching closing quote, spaces included. Quotes elsewhere are text to find.
    /// </summary>
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
            var negated = query[i] == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]);
            if (negated)
            {
                i++;
            }
            var field = PhraseField.Body;
            if (string.Compare(query, i, TitlePrefix, 0, TitlePrefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                field = PhraseField.Title;
                i += TitlePrefix.Length;
            }
            if (i < query.Length && IsOpeningQuote(query[i]))
            {
                var close = query.IndexOf(Closing(query[i]), i + 1);
                if (close < 0)
                {
                    throw new QueryException("引号没有成对：请补上结尾的引号");
                }
                if (close + 1 < query.Length && !char.IsWhiteSpace(query[close + 1]))
                {
                    throw new QueryException("引号结束后请用空格隔开下一个词");
                }
                terms.Add(new RawTerm(query[start..(close + 1)], query[(i + 1)..close], negated, field, Quoted: true));
                i = close + 1;
                continue;
            }
            var textStart = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]))
            {
                i++;
            }
            terms.Add(new RawTerm(query[start..i], query[textStart..i], negated, field, Quoted: false));
        }
        return terms;
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '“' or '＂';

    /// <summary>Quotes pair by kind, so a Chinese quote inside ASCII quotes is text to find.</summary>
    private static char Closing(char opening) => opening == '“' ? '”' : opening;
}
