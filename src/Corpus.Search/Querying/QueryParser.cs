using System.Globalization;
using Corpus.Search.Analysis;
using Corpus.Search.Patterns;

namespace Corpus.Search.Querying;

/// <summary>
/// The query syntax: space-separated terms are all required; a term is matched as an exact phrase; "quotes" group
/// text with spaces into one phrase; <c>a OR b</c> needs either; <c>-term</c> excludes; <c>title:term</c> searches titles.
/// An unquoted term with <c>*</c> or <c>?</c> is a pattern (<see cref="PatternParser"/>); <c>a NEAR/N b</c> joins two
/// terms into one (it binds tighter than OR). Quotes make * and ? plain text.
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
        int? pendingNear = null;
        var lastExcluded = false;
        foreach (var term in terms)
        {
            if (NearDistance(term) is { } distance)
            {
                if (alternatives.Count == 0 || lastExcluded || pendingOr || pendingNear is not null)
                {
                    throw new QueryException("NEAR 两边都要有查找的词（不能是排除词），例如：脱贫 NEAR/10 攻坚");
                }
                pendingNear = distance;
                continue;
            }
            if (term is { Quoted: false, Negated: false, Field: PhraseField.Body, Text: "OR" })
            {
                if (alternatives.Count == 0 || pendingOr || pendingNear is not null)
                {
                    throw new QueryException("OR 两边都需要查询词，例如：疫情 OR 防控");
                }
                pendingOr = true;
                continue;
            }
            var (phrase, negated) = ToPhrase(term);
            if (pendingNear is { } near)
            {
                alternatives[^1] = Near(alternatives[^1], phrase, negated, near);
                pendingNear = null;
                continue;
            }
            if (negated)
            {
                if (pendingOr)
                {
                    throw new QueryException("OR 不能连接排除词（-词）");
                }
                excluded.Add(phrase);
                lastExcluded = true;
                continue;
            }
            if (!pendingOr && alternatives.Count > 0)
            {
                required.Add(new Clause([.. alternatives]));
                alternatives.Clear();
            }
            alternatives.Add(phrase);
            pendingOr = false;
            lastExcluded = false;
        }
        if (pendingOr)
        {
            throw new QueryException("OR 两边都需要查询词，例如：疫情 OR 防控");
        }
        if (pendingNear is not null)
        {
            throw new QueryException("NEAR 两边都要有查找的词，例如：脱贫 NEAR/10 攻坚");
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
        var (text, parts) = term.Quoted ? (term.Text, null) : PatternParser.Parse(term.Text);
        if (parts is not null)
        {
            var pattern = TextPattern.Sequence(term.Source, parts);
            return (new Phrase(term.Field, term.Text, string.Concat(pattern.Literals)) { Pattern = pattern }, term.Negated);
        }
        var folded = WidthFold.FoldForMatching(text);
        if (folded.Length == 0)
        {
            throw new QueryException(term.Negated || term.Field == PhraseField.Title || term.Quoted
                ? $"“{term.Source}”里缺少要查找的文字"
                : "空的查询词");
        }
        return (new Phrase(term.Field, text, folded), term.Negated);
    }

    /// <summary>The distance of a NEAR or NEAR/N operator; null when the term is not one.</summary>
    private static int? NearDistance(RawTerm term)
    {
        if (term is not { Quoted: false, Negated: false, Field: PhraseField.Body }
            || !term.Text.StartsWith(PatternSyntax.NearOperator, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = term.Text[PatternSyntax.NearOperator.Length..];
        if (rest.Length == 0)
        {
            return PatternSyntax.DefaultDistance;
        }
        if (rest[0] != '/')
        {
            return null;
        }
        var digits = rest[1..];
        var distance = digits.Length is > 0 and <= 3 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : -1;
        if (distance is < 0 or > PatternSyntax.MaxDistance)
        {
            throw new QueryException($"“{term.Source}”：NEAR/ 后写 0 到 {PatternSyntax.MaxDistance} 的字数，如 脱贫 NEAR/10 攻坚");
        }
        return distance;
    }

    private static Phrase Near(Phrase left, Phrase right, bool rightNegated, int distance)
    {
        if (rightNegated)
        {
            throw new QueryException("NEAR 不能连接排除词（-词），例如：脱贫 NEAR/10 攻坚");
        }
        if (left.Field != right.Field)
        {
            throw new QueryException("NEAR 两边须同在正文或同在标题（title:）");
        }
        if (left.Pattern is { Parts: null } || right.Pattern is { Parts: null })
        {
            throw new QueryException("一个 NEAR 只连接两个词：A NEAR B NEAR C 请写成 A NEAR B 与 B NEAR C 两个条件");
        }
        var source = $"{left.Pattern?.Source ?? left.Text} {PatternSyntax.NearOperator}/{distance} {right.Pattern?.Source ?? right.Text}";
        var pattern = TextPattern.Proximity(source, Parts(left), Parts(right), distance);
        return new Phrase(left.Field, source, string.Concat(pattern.Literals)) { Pattern = pattern };
    }

    private static IReadOnlyList<PatternPart> Parts(Phrase phrase) => phrase.Pattern?.Parts ?? [new LiteralPart(phrase.Folded)];

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
