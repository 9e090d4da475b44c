using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Corpus.Search.Querying;
using Lucene.Net.Index;

namespace Corpus.Search.Timeline;

/// <summary>
/// A query's occurrences per document of one segment, as a search hit counts them (<see cref="SearchHit.Occurrences"/>):
/// those in the title, plus those in the text, or, for a document whose text holds none (it matched through a copy),
/// those in its copies. Plain phrases are counted from the index positions (<see cref="PhraseOccurrences"/>), patterns
/// on the stored text (<see cref="PhraseLocator"/>), since the index only finds a pattern's candidates. Documents
/// must be asked in increasing order.
/// </summary>
internal sealed class DocumentOccurrences
{
    private static readonly string[] TitleField = [FieldNames.TitleExact];
    private static readonly string[] BodyField = [FieldNames.BodyExact];
    private static readonly string[] CopiesField = [FieldNames.CopiesExact];
    private static readonly HashSet<string> TextField = [FieldNames.Text];
    private static readonly HashSet<string> CopiesStored = [FieldNames.Copies];
    private readonly AtomicReader reader;
    private readonly PhraseOccurrences[] inTitles;
    private readonly PhraseOccurrences[] inTexts;
    private readonly Lazy<PhraseOccurrences[]> inCopies;
    private readonly IReadOnlyList<TextPattern> patterns;

    public DocumentOccurrences(AtomicReader reader, IReadOnlyList<Phrase> alternatives)
    {
        this.reader = reader;
        var plain = alternatives.Where(p => p.Pattern is null).ToList();
        var body = plain.Where(p => p.Field == PhraseField.Body).ToList();
        inTitles = [.. plain.Select(p => new PhraseOccurrences(reader, p, TitleField))];
        inTexts = [.. body.Select(p => new PhraseOccurrences(reader, p, BodyField))];
        // Built on the first document that needs them: most documents hold the query in their own text.
        inCopies = new(() => [.. body.Select(p => new PhraseOccurrences(reader, p, CopiesField))]);
        patterns = [.. alternatives.Where(p => p.Field == PhraseField.Body).Select(p => p.Pattern).OfType<TextPattern>()];
    }

    public long Count(int doc)
    {
        var inText = Sum(inTexts, doc);
        if (patterns.Count > 0)
        {
            inText += PhraseLocator.Locate(reader.Document(doc, TextField).Get(FieldNames.Text) ?? "", [], patterns).Count;
        }
        if (inText == 0 && (inTexts.Length > 0 || patterns.Count > 0))
        {
            inText = Sum(inCopies.Value, doc);
            if (patterns.Count > 0 && reader.Document(doc, CopiesStored) is var stored && stored.Get(FieldNames.Copies) is not null)
            {
                inText += PhraseLocator.Locate(DocumentMapper.CopiesText(stored), [], patterns).Count;
            }
        }
        return Sum(inTitles, doc) + inText;
    }

    private static long Sum(PhraseOccurrences[] counters, int doc)
    {
        long total = 0;
        foreach (var counter in counters)
        {
            total += counter.Count(doc);
        }
        return total;
    }
}
