using Corpus.Search.Analysis;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace Corpus.Search.Querying;

/// <summary>Turns a <see cref="ParsedQuery"/> into the Lucene query: exact phrases decide, words rank.</summary>
internal static class LuceneQueryBuilder
{
    private static readonly WordsAnalyzer Words = new();

    // Relevance = exact-phrase BM25 (phrase frequency, no length norm) + words-field BM25 (length-normalized) + a
    // smaller title-words share. How it was set: the exact score alone grows with the raw count of occurrences, so
    // long documents that repeat a phrase outrank short ones about it; the words field's length norm corrects that,
    // so it gets the larger weight and the exact score half of it, keeping literal repetition as a tie-breaker; a
    // quarter weight for the phrase's words in the title lifts documents about the topic without letting a title
    // alone outrank the text. There are no relevance judgments for this corpus, so these weights are reasoned and
    // spot-checked on the seed corpus's top hits, not fitted; they are constants here to be tuned when judgments exist.
    private const float ExactBoost = 0.5f;
    private const float BodyWordsBoost = 1f;
    private const float TitleWordsBoost = 0.25f;

    /// <summary>The query that decides what matches (exact phrases only) and gives the first-pass score.</summary>
    public static Query Match(ParsedQuery parsed)
    {
        if (parsed.MatchesAll)
        {
            return new MatchAllDocsQuery();
        }
        var query = new BooleanQuery(disableCoord: true);
        foreach (var clause in parsed.Required)
        {
            if (clause.Alternatives.Count == 1)
            {
                query.Add(Matching(clause.Alternatives[0]), Occur.MUST);
            }
            else
            {
                var any = new BooleanQuery(disableCoord: true);
                foreach (var phrase in clause.Alternatives)
                {
                    any.Add(Matching(phrase), Occur.SHOULD);
                }
                query.Add(any, Occur.MUST);
            }
        }
        // An excluded pattern cannot be asked of the index (its literals may occur without it): verification drops those documents.
        foreach (var phrase in parsed.Excluded.Where(p => p.Pattern is null))
        {
            query.Add(Exact(phrase), Occur.MUST_NOT);
        }
        return query;
    }

    /// <summary>
    /// The words-field BM25 added to the best first-pass hits (null without words). Scoring words on every match cost
    /// a third of the search time for phrases in nearly every document; on the top few hundred it costs nothing.
    /// </summary>
    public static Query? Rank(ParsedQuery parsed)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var phrase in parsed.Required.SelectMany(c => c.Alternatives))
        {
            var wordsField = phrase.Field == PhraseField.Body ? FieldNames.BodyWords : FieldNames.TitleWords;
            foreach (var word in Segment(phrase).Distinct(StringComparer.Ordinal))
            {
                query.Add(new TermQuery(new Term(wordsField, word)) { Boost = BodyWordsBoost }, Occur.SHOULD);
                if (phrase.Field == PhraseField.Body)
                {
                    query.Add(new TermQuery(new Term(FieldNames.TitleWords, word)) { Boost = TitleWordsBoost }, Occur.SHOULD);
                }
            }
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>The words of a phrase, or of a pattern's literal parts.</summary>
    public static List<string> Segment(Phrase phrase) =>
        phrase.Pattern is { } pattern ? [.. pattern.Literals.SelectMany(Segment)] : Segment(phrase.Text);

    /// <summary>The words the segmenter cuts a text into (width-folded, punctuation dropped).</summary>
    public static List<string> Segment(string text)
    {
        var words = new List<string>();
        using var stream = Words.GetTokenStream(FieldNames.BodyWords, WidthFold.FoldWordChars(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }

    /// <summary>A body phrase matches a document whose text or one of whose copies holds it (scored by the better of the
    /// two, so that holding copies does not lift a document); a title phrase, its title.</summary>
    public static Query Exact(Phrase phrase)
    {
        if (phrase.Field == PhraseField.Title)
        {
            return Exact(phrase, FieldNames.TitleExact);
        }
        // A plain phrase matches in the title, the text or a copy's text.
        return new DisjunctionMaxQuery(0f) { Exact(phrase, FieldNames.TitleExact), Exact(phrase, FieldNames.BodyExact), Exact(phrase, FieldNames.CopiesExact) };
    }


    private static Query Matching(Phrase phrase) => phrase.Pattern is { } pattern ? Candidates(phrase.Field, pattern) : Exact(phrase);

    /// <summary>
    /// A pattern's candidates, found on the index; the stored text then decides (<see cref="ParsedQuery.Accepts"/>), so
    /// no query reads the whole corpus. Literals of two or more characters must occur in order within the pattern's
    /// reach (a span query over the exact field's pairs); single characters and NEAR's phrases must occur anywhere.
    /// </summary>
    private static Query Candidates(PhraseField field, TextPattern pattern)
    {
        var all = new BooleanQuery(disableCoord: true);
        if (pattern.Parts is { } parts && InOrder(FieldName(field), parts) is { } spans)
        {
            all.Add(spans, Occur.MUST);
        }
        foreach (var literal in pattern.Literals.Where(l => pattern.Parts is null || CodePoints(l).Count == 1))
        {
            all.Add(Exact(new Phrase(field, literal, literal)), Occur.MUST);
        }
        return all;
    }

    /// <summary>
    /// The multi-character literals in order, each at most as far from the previous one as the parts between allow.
    /// The pair at a literal's last character is not part of its span, hence one more position of slop per boundary.
    /// </summary>
    private static Query? InOrder(string field, IReadOnlyList<PatternPart> parts)
    {
        var clauses = new List<SpanQuery>();
        var (slop, between) = (0, 0);
        foreach (var part in parts)
        {
            if (part is LiteralPart literal && CodePoints(literal.Folded) is { Count: >= 2 } chars)
            {
                if (clauses.Count > 0)
                {
                    slop += between + 1;
                }
                clauses.Add(LiteralSpan(field, chars));
                between = 0;
                continue;
            }
            between += part switch
            {
                GapPart gap => gap.Max,
                LiteralPart single => single.Folded.Length,
                _ => 1,
            };
        }
        return clauses.Count switch
        {
            0 => null,
            1 => clauses[0],
            _ => new SpanNearQuery([.. clauses], slop, inOrder: true),
        };
    }

    /// <summary>Every pair of the literal at consecutive positions: exactly the literal's occurrences.</summary>
    private static SpanQuery LiteralSpan(string field, List<string> chars)
    {
        var pairs = Enumerable.Range(0, chars.Count - 1).Select(k => (SpanQuery)new SpanTermQuery(new Term(field, chars[k] + chars[k + 1]))).ToArray();
        return pairs.Length == 1 ? pairs[0] : new SpanNearQuery(pairs, 0, inOrder: true);
    }

    private static List<string> CodePoints(string text) => Phrase.Split(text);

    private static string FieldName(PhraseField field) => field == PhraseField.Body ? FieldNames.BodyExact : FieldNames.TitleExact;

    /// <summary>
    /// The exact field indexes each adjacent pair of characters at the position of its first. A phrase is its
    /// <see cref="Phrase.Pairs"/> at their offsets; a single character is every pair it starts (the indexed text ends
    /// with a line break, so each character starts one). A plain phrase matches in the title or the body.
    /// </summary>
    private static Query Exact(Phrase phrase, string field)
    {
        var query = ExactIn(field, phrase);
        query.Boost = ExactBoost;
        return query;
    }

    private static Query ExactIn(string field, Phrase phrase)
    {
        if (phrase.CodePoints.Count == 1)
        {
            return new PrefixQuery(new Term(field, phrase.CodePoints[0]));
        }
        var query = new PhraseQuery();
        foreach (var (pair, offset) in phrase.Pairs)
        {
            query.Add(new Term(field, pair), offset);
        }
        return query;
    }
}
