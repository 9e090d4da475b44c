using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Corpus.Ingest.Model;
using Corpus.Search.Analysis;
using Corpus.Search.Json;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Corpus.Search.Indexing;

/// <summary>The one place that turns a <see cref="CleanDocument"/> into a Lucene document and back.</summary>
internal static class DocumentMapper
{
    /// <summary>Phrases match here: positions needed, no offsets (highlighting works from the stored text), no norms.</summary>
    private static readonly FieldType ExactType = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    /// <summary>Ranking only: term frequencies and norms for BM25, no positions.</summary>
    private static readonly FieldType WordsType = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    public static PerFieldAnalyzerWrapper Analyzer { get; } = new(
        new ExactAnalyzer(),
        new Dictionary<string, Lucene.Net.Analysis.Analyzer>
        {
            [FieldNames.TitleWords] = new WordsAnalyzer(),
        });

    /// <param name="words">The analyzer that segments the text for the words field.</param>
    public static Document ToLucene(CleanDocument source, string revision, WordsAnalyzer words)
    {
        var bodyWords = new SegmentedWords(WidthFold.FoldWordChars(source.Text), words);
        var document = new Document
        {
            new StringField(FieldNames.Id, source.Id, Field.Store.YES),
            new StringField(FieldNames.Revision, source.Id + RevisionSeparator + revision, Field.Store.NO),
            new StoredField(FieldNames.Title, source.Title),
            new Field(FieldNames.TitleExact, source.Title, ExactType),
            new Field(FieldNames.TitleWords, WidthFold.FoldWordChars(source.Title), WordsType),
            StoredText(source.Text),
            new Field(FieldNames.BodyExact, source.Text, ExactType),
            new Field(FieldNames.BodyWords, bodyWords.Replay(), WordsType),
            new StoredField(FieldNames.DateInferred, source.DateInferred ? 1 : 0),
            new StoredField(FieldNames.Sources, JsonSerializer.Serialize(source.Sources, CorpusJson.Options)),
            new NumericDocValuesField(FieldNames.Characters, Characters(source)),
        };
        if (bodyWords.Boundaries() is { } boundaries)
        {
            document.Add(new BinaryDocValuesField(FieldNames.BodyWordBoundaries, new BytesRef(boundaries)));
        }
        if (source.Copies.Count > 0)
        {
            document.Add(new StoredField(FieldNames.Copies, JsonSerializer.Serialize(source.Copies, CorpusJson.Options)));
            document.Add(new Field(FieldNames.CopiesExact, CopiesText(source.Copies), ExactType));
        }
        if (source.Date is { } date)
        {
            document.Add(new StoredField(FieldNames.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            document.Add(new NumericDocValuesField(FieldNames.Date, DateKey.From(date)));
        }
        if (source.MonthDay is { } monthDay)
        {
            document.Add(new StoredField(FieldNames.MonthDay, string.Create(CultureInfo.InvariantCulture, $"{monthDay.Month:D2}-{monthDay.Day:D2}")));
        }
        if (source.Venue is { } venue)
        {
            document.Add(new StringField(FieldNames.Venue, venue, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(FieldNames.Venue, new BytesRef(venue)));
        }
        if (source.Kind is { } kind)
        {
            // An unknown kind has no value at all, so that no filter or facet takes it for one.
            document.Add(new StringField(FieldNames.Kind, kind, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(FieldNames.Kind, new BytesRef(kind)));
        }
        if (source.Speaker is { } speaker)
        {
            document.Add(new StoredField(FieldNames.Speaker, speaker));
        }
        return document;
    }

    /// <summary>The characters a document contributes to a period's total (title and text: a plain query searches both).</summary>
    public static long Characters(CleanDocument source) => source.Title.Length + (long)source.Text.Length;

    /// <summary>A hash over everything the document holds: equal revisions need no rewrite in the index.</summary>
    public static string Revision(CleanDocument source) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(source, CorpusJson.Options)))[..24];

    /// <summary>Ids are URL-safe, so a space cannot occur in them.</summary>
    private const char RevisionSeparator = ' ';

    public static (string Id, string Revision) SplitRevision(string term)
    {
        var at = term.LastIndexOf(RevisionSeparator);
        return (term[..at], term[(at + 1)..]);
    }

    public static CleanDocument FromLucene(Document stored) => new(
        stored.Get(FieldNames.Id),
        stored.Get(FieldNames.Title),
        ParseDate(stored.Get(FieldNames.Date)),
        stored.GetField(FieldNames.DateInferred)?.GetInt32Value() == 1,
        stored.Get(FieldNames.Venue),
        stored.Get(FieldNames.Kind),
        stored.Get(FieldNames.Speaker),
        TextOf(stored),
        JsonSerializer.Deserialize<List<SourceAppearance>>(stored.Get(FieldNames.Sources), CorpusJson.Options) ?? [])
    {
        Copies = CopiesOf(stored),
        MonthDay = stored.Get(FieldNames.MonthDay) is { Length: 5 } monthDay
            ? new MonthDay(int.Parse(monthDay.AsSpan(0, 2), CultureInfo.InvariantCulture), int.Parse(monthDay.AsSpan(3, 2), CultureInfo.InvariantCulture))
            : null,
    };

    /// <summary>The text is stored as its UTF-16 code units, not as a string (UTF-8): Chinese takes two bytes a character
    /// instead of three, so the compressed stored text is about a quarter smaller, and reading it back is a copy rather
    /// than a decode. Byte order is the machine's: .NET runs only on little-endian ones.</summary>
    private static StoredField StoredText(string text) => new(FieldNames.Text, MemoryMarshal.AsBytes(text.AsSpan()).ToArray());

    /// <summary>The stored text of a document loaded with <see cref="FieldNames.Text"/>.</summary>
    public static string TextOf(Document stored) =>
        stored.GetBinaryValue(FieldNames.Text) is { } bytes
            ? new string(MemoryMarshal.Cast<byte, char>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)))
            : throw new InvalidDataException($"document {stored.Get(FieldNames.Id) ?? "(id not loaded)"} has no stored text");

    /// <summary>The stored copies' texts (empty for a document without copies).</summary>
    public static IReadOnlyList<DocumentCopy> CopiesOf(Document stored) =>
        stored.Get(FieldNames.Copies) is { } copies ? JsonSerializer.Deserialize<List<DocumentCopy>>(copies, CorpusJson.Options) ?? [] : [];

    /// <summary>The copies' texts as the copies' exact field holds them: each ends a paragraph, so no match spans two.</summary>
    public static string CopiesText(Document stored) => CopiesText(CopiesOf(stored));

    private static string CopiesText(IReadOnlyList<DocumentCopy> copies) => string.Join('\n', copies.Select(c => c.Text));

    public static DateOnly? ParseDate(string? stored) =>
        stored is null ? null : DateOnly.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
