using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Corpus.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Timeline;

/// <summary>
/// A query's occurrences per document of one segment, as a search hit counts them (<see cref="SearchHit.Occurrences"/>):
/// those in the title, plus those in the text, or, for a document whose text holds none (it matched through a copy),
/// those in its copies. Plain phrases are counted by the matching query's scorers where they can be
/// (<see cref="ScorerCounts"/>), else from the index positions (<see cref="PhraseOccurrences"/>), patterns on the stored
/// text (<see cref="PhraseLocator"/>), since the index only finds a pattern's candidates. Documents must be asked in
/// increasing order.
/// </summary>
internal sealed class DocumentOccurrences
{
    private static readonly HashSet<string> TextField = [FieldNames.Text];
    private static readonly HashSet<string> CopiesStored = [FieldNames.Copies];
    private readonly AtomicReader reader;
    private readonly Counter[] inTitles;
    private readonly Counter[] inTexts;
    private readonly Counter[] inCopies;
    private readonly IReadOnlyList<TextPattern> patterns;

    public DocumentOccurrences(AtomicReader reader, IReadOnlyList<Phrase> alternatives)
    {
        this.reader = reader;
        var plain = alternatives.Where(p => p.Pattern is null).ToList();
        var body = plain.Where(p => p.Field == PhraseField.Body).ToList();
        inTitles = [.. plain.Select(p => new Counter(reader, p, FieldNames.TitleExact))];
        inTexts = [.. body.Select(p => new Counter(reader, p, FieldNames.BodyExact))];
        inCopies = [.. body.Select(p => new Counter(reader, p, FieldNames.CopiesExact))];
        patterns = [.. alternatives.Where(p => p.Field == PhraseField.Body).Select(p => p.Pattern).OfType<TextPattern>()];
    }

    /// <summary>Takes counts from the scorers of the query that matched the documents where they hold them (see
    /// <see cref="ScorerCounts"/>); given by a collector's <c>SetScorer</c>, for the segment it is reading.</summary>
    public void UseScorers(Scorer scorer)
    {
        var scorers = ScorerCounts.Of(scorer);
        foreach (var counter in inTitles.Concat(inTexts).Concat(inCopies))
        {
            counter.Scorer = scorers.Find(counter.Phrase, counter.Field);
        }
    }

    public long Count(int doc)
    {
        var inText = Sum(inTexts, doc);
        if (patterns.Count > 0)
        {
            inText += PhraseLocator.Locate(DocumentMapper.TextOf(reader.Document(doc, TextField)), [], patterns).Count;
        }
        if (inText == 0 && (inTexts.Length > 0 || patterns.Count > 0))
        {
            inText = Sum(inCopies, doc);
            if (patterns.Count > 0 && reader.Document(doc, CopiesStored) is var stored && stored.Get(FieldNames.Copies) is not null)
            {
                inText += PhraseLocator.Locate(DocumentMapper.CopiesText(stored), [], patterns).Count;
            }
        }
        return Sum(inTitles, doc) + inText;
    }

    private static long Sum(Counter[] counters, int doc)
    {
        long total = 0;
        foreach (var counter in counters)
        {
            total += counter.Count(doc);
        }
        return total;
    }

    /// <summary>One phrase in one field; its positions are opened on the first document no scorer counts (most
    /// documents hold the query in their own text, and scorers count most phrases).</summary>
    private sealed class Counter(AtomicReader reader, Phrase phrase, string exactField)
    {
        private PhraseOccurrences? positions;

        public Phrase Phrase => phrase;

        public string Field => exactField;

        /// <summary>The match query's scorer that counts this phrase in this field (see <see cref="ScorerCounts"/>), if any.</summary>
        public Scorer? Scorer { get; set; }

        public int Count(int doc) => Scorer is { } scorer
            ? scorer.DocID == doc ? scorer.Freq : 0
            : (positions ??= new PhraseOccurrences(reader, phrase, [exactField])).Count(doc);
    }
}
