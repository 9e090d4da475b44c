using Corpus.Search.Analysis;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

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
    /// A pattern's candidates, found by positions on the index (<see cref="PatternCandidateQuery"/>); the stored text then
    /// decides (<see cref="ParsedQuery.Accepts"/>), so no query reads the whole corpus. A body pattern, like a phrase,
    /// finds a document through its text or one of its copies.
    /// </summary>
    private static Query Candidates(PhraseField field, TextPattern pattern) => field == PhraseField.Title
        ? new PatternCandidateQuery(FieldNames.TitleExact, pattern)
        : new DisjunctionMaxQuery(0f) { new PatternCandidateQuery(FieldNames.BodyExact, pattern), new PatternCandidateQuery(FieldNames.CopiesExact, pattern) };

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
