using System.Globalization;
using Corpus.Search.Facets;
using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Corpus.Search.Words;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Corpus.Search.Concordance;

/// <summary>
/// Keyword-in-context lines for every occurrence in the result documents, contexts cut by character offsets. Pages
/// are keyset pages: a page holds the lines that follow the cursor's line in the chosen order. In document order a
/// page reads only the documents from the cursor on; sorted by context, every occurrence must be looked at, but only
/// a page's worth of lines is ever held (a bounded heap), so memory does not grow with the result.
/// </summary>
internal sealed class ConcordanceBuilder
{
    private static readonly HashSet<string> Fields = [FieldNames.Title, FieldNames.Text, FieldNames.Date, FieldNames.Venue, FieldNames.Kind];
    private readonly IndexSearcher searcher;
    private readonly IReadOnlyList<string> phrases;
    private readonly IReadOnlyList<TextPattern> patterns;
    private readonly ConcordanceRequest request;
    private readonly LineOrder order;
    private readonly Lazy<List<DocumentRef>> sortedDocuments;
    private readonly bool needsWords;
    private readonly IndexedWords words;

    /// <param name="docs">The result documents, asked only when a page needs them (not for a page of a cached order).</param>
    public ConcordanceBuilder(IndexSearcher searcher, Func<IEnumerable<int>> docs, IReadOnlyList<string> phrases, IReadOnlyList<TextPattern> patterns, ConcordanceRequest request)
    {
        this.searcher = searcher;
        this.phrases = phrases;
        this.patterns = patterns;
        this.request = request;
        order = new LineOrder(request.Sort, request.Collation, newestFirst: request.Filters.Sort == SearchSort.Date);
        sortedDocuments = new(() => DocumentOrder.Sort(searcher.IndexReader, docs(), order.CompareDocuments));
        words = new IndexedWords(searcher.IndexReader);
        needsWords = request.Sort.Any(k => k is ConcordanceKey.LeftWord1 or ConcordanceKey.LeftWord2 or ConcordanceKey.RightWord1 or ConcordanceKey.RightWord2);
    }

    /// <summary>Most occurrences one cached order holds (8 or 12 bytes each, their keys held only while sorting); past it,
    /// each page of a context order scans every occurrence (<see cref="PageSorted(LineKey?)"/>).</summary>
    public const int MaxSortedOccurrences = 2_000_000;

    private List<DocumentRef> Documents => sortedDocuments.Value;

    public ConcordancePage Page()
    {
        var after = request.After is { } token ? ConcordanceCursor.Decode(token, request.Sort.Count) : ((LineKey Key, int Total, int Position)?)null;
        return request.Sort.Count == 0 ? PageInDocumentOrder(after is { } a ? (a.Key, a.Total) : null) : PageSorted(after?.Key);
    }

    /// <summary>Every occurrence in the request's order, or null when there are more than <see cref="MaxSortedOccurrences"/>.</summary>
    public SortedOccurrences? SortAll()
    {
        var keys = new List<LineKey>();
        var lines = new List<(int Document, int Start, int Length)>();
        for (var d = 0; d < Documents.Count; d++)
        {
            var (stored, text, spans) = Read(Documents[d]);
            if (lines.Count + spans.Count > MaxSortedOccurrences)
            {
                return null;
            }
            var nearWords = needsWords ? words.Of(Documents[d].Doc, text) : null;
            foreach (var span in spans)
            {
                var (left, match, right) = request.Sort.Count == 0 ? ("", "", "") : Cut(text, span);
                keys.Add(new LineKey(Keys(Documents[d], stored, left, match, right, span, nearWords), Documents[d].DateKey, Documents[d].Id, span.Start));
                lines.Add((d, span.Start, span.Length));
            }
        }
        var positions = Enumerable.Range(0, lines.Count).ToArray();
        var sortKeys = keys.ToArray();
        Array.Sort(sortKeys, positions, order);
        return new SortedOccurrences(
            [.. positions.Select(p => Documents[lines[p].Document].Doc)], [.. positions.Select(p => lines[p].Start)], [.. positions.Select(p => lines[p].Length)]);
    }

    /// <summary>Every result document in document order with its lines counted from the index (see <see cref="LineCounts"/>).</summary>
    public CountedOccurrences CountAll(IReadOnlyList<Querying.Phrase> bodyPhrases)
    {
        var docs = Documents.Select(d => d.Doc).ToArray();
        return new CountedOccurrences(docs, LineCounts.Count(searcher.IndexReader, docs, bodyPhrases));
    }

    /// <summary>
    /// A page of a counted document order: the line after the cursor (its position, when the cursor's hint holds, else
    /// a binary search over the documents), then only the documents holding the page's lines are read. Null when a
    /// document's text holds another number of occurrences than the index counted (the caller then reads the texts).
    /// </summary>
    public ConcordancePage? PageCounted(CountedOccurrences counted)
    {
        var refs = new DocumentRefs(searcher.IndexReader);
        var first = 0;
        if (request.After is { } token)
        {
            var (after, _, position) = ConcordanceCursor.Decode(token, 0);
            if (FirstAfter(counted, refs, after, position) is not { } line)
            {
                return null;
            }
            first = line;
        }
        var end = Math.Min(counted.Count, first + request.Size);
        var lines = new List<ConcordanceLine>(end - first);
        LineKey? last = null;
        for (var line = first; line < end;)
        {
            var d = counted.DocumentOf(line);
            var document = refs.Of(counted.DocOf(d));
            var (stored, text, spans) = Read(document);
            if (spans.Count != counted.LinesOf(d))
            {
                return null;
            }
            for (var k = line - counted.FirstLineOf(d); k < spans.Count && line < end; k++, line++)
            {
                lines.Add(Line(document, stored, text, spans[k]));
                if (line == end - 1 && end < counted.Count)
                {
                    last = new LineKey([], document.DateKey, document.Id, spans[k].Start);
                }
            }
        }
        return new ConcordancePage(counted.Count, lines, last is null ? null : ConcordanceCursor.Encode(last, counted.Count, end));
    }

    /// <summary>The first line after the cursor's line; null when the text disagrees with the counts.</summary>
    private int? FirstAfter(CountedOccurrences counted, DocumentRefs refs, LineKey after, int position)
    {
        if (position > 0 && position <= counted.Count)
        {
            var d = counted.DocumentOf(position - 1);
            var document = refs.Of(counted.DocOf(d));
            if (document.Id == after.Id)
            {
                var spans = Read(document).Spans;
                if (spans.Count != counted.LinesOf(d))
                {
                    return null;
                }
                if (spans[position - 1 - counted.FirstLineOf(d)].Start == after.Offset)
                {
                    return position;
                }
            }
        }
        // The first document not before the cursor's, then the lines of that document up to the cursor's offset.
        var (low, high) = (0, counted.Documents);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var document = refs.Of(counted.DocOf(middle));
            if (order.CompareDocuments(document.DateKey, document.Id, after.DateKey, after.Id) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        if (low == counted.Documents)
        {
            return counted.Count;
        }
        var found = refs.Of(counted.DocOf(low));
        if (found.Id != after.Id)
        {
            return counted.FirstLineOf(low);
        }
        var inDocument = Read(found).Spans;
        return inDocument.Count != counted.LinesOf(low) ? null : counted.FirstLineOf(low) + inDocument.Count(s => s.Start <= after.Offset);
    }

    /// <summary>A page of a cached order: a seek to the line after the cursor (its position, when the cursor's hint
    /// holds, else a binary search on keys recomputed for a few lines), then the page's lines read from their documents.</summary>
    public ConcordancePage PageSorted(SortedOccurrences sorted)
    {
        var refs = new DocumentRefs(searcher.IndexReader);
        var first = 0;
        if (request.After is { } token)
        {
            var (after, _, position) = ConcordanceCursor.Decode(token, request.Sort.Count);
            first = position > 0 && position <= sorted.Count && refs.Of(sorted.DocOf(position - 1)).Id == after.Id && sorted.StartOf(position - 1) == after.Offset
                ? position
                : FirstAfter(sorted, refs, after);
        }
        var end = Math.Min(sorted.Count, first + request.Size);
        var lines = new List<ConcordanceLine>(end - first);
        LineKey? last = null;
        var read = new Dictionary<int, (Lucene.Net.Documents.Document Stored, string Text)>();
        for (var i = first; i < end; i++)
        {
            var document = refs.Of(sorted.DocOf(i));
            if (!read.TryGetValue(document.Doc, out var doc))
            {
                var stored = searcher.Doc(document.Doc, Fields);
                doc = (stored, DocumentMapper.TextOf(stored));
                read[document.Doc] = doc;
            }
            var span = new HitSpan(sorted.StartOf(i), sorted.LengthOf(i));
            lines.Add(Line(document, doc.Stored, doc.Text, span));
            if (i == end - 1 && end < sorted.Count)
            {
                last = KeyOf(document, doc.Stored, doc.Text, span);
            }
        }
        return new ConcordancePage(sorted.Count, lines, last is null ? null : ConcordanceCursor.Encode(last, sorted.Count, end));
    }

    /// <summary>The first line of the cached order that comes after <paramref name="after"/>.</summary>
    private int FirstAfter(SortedOccurrences sorted, DocumentRefs refs, LineKey after)
    {
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var document = refs.Of(sorted.DocOf(middle));
            var stored = searcher.Doc(document.Doc, Fields);
            var key = KeyOf(document, stored, DocumentMapper.TextOf(stored), new HitSpan(sorted.StartOf(middle), sorted.LengthOf(middle)));
            if (order.Compare(key, after) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private LineKey KeyOf(DocumentRef document, Lucene.Net.Documents.Document stored, string text, HitSpan span)
    {
        var (left, match, right) = Cut(text, span);
        var nearWords = needsWords ? words.Of(document.Doc, text) : null;
        return new LineKey(Keys(document, stored, left, match, right, span, nearWords), document.DateKey, document.Id, span.Start);
    }

    public ConcordanceGroups Group(ConcordanceGrouping by)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var byWord = by is ConcordanceGrouping.LeftWord or ConcordanceGrouping.RightWord;
        foreach (var document in Documents)
        {
            var (stored, text, spans) = Read(document);
            var nearWords = byWord ? words.Of(document.Doc, text) : null;
            foreach (var span in spans)
            {
                total++;
                var key = by switch
                {
                    ConcordanceGrouping.LeftWord => nearWords!.Before(span.Start, 1).Select(w => w.Text).FirstOrDefault(),
                    ConcordanceGrouping.RightWord => nearWords!.After(span.Start + span.Length, 1).Select(w => w.Text).FirstOrDefault(),
                    ConcordanceGrouping.Venue => stored.Get(FieldNames.Venue),
                    ConcordanceGrouping.Year => document.DateKey == 0 ? null : (document.DateKey / 10000).ToString(CultureInfo.InvariantCulture),
                    _ => document.DateKey == 0 ? null : $"{document.DateKey / 10000:D4}-{document.DateKey / 100 % 100:D2}",
                } ?? "";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var groups = counts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, by is ConcordanceGrouping.Year or ConcordanceGrouping.Month ? StringComparer.Ordinal : KeyComparer())
            .Select(p => new ConcordanceGroup(p.Key.Length == 0 ? null : p.Key, p.Value))
            .ToList();
        return new ConcordanceGroups(total, by, groups);
    }

    private IComparer<string> KeyComparer() => request.Collation == ConcordanceCollation.Pinyin
        ? Comparer<string>.Create(PinyinCollation.Compare)
        : StringComparer.Ordinal;

    private ConcordancePage PageInDocumentOrder((LineKey Key, int Total)? after)
    {
        var lines = new List<(LineKey Key, ConcordanceLine Line)>(request.Size + 1);
        var total = 0;
        var first = after is { Key: var cursor }
            ? Documents.FindIndex(d => order.CompareDocuments(d.DateKey, d.Id, cursor.DateKey, cursor.Id) >= 0)
            : 0;
        for (var i = first < 0 ? Documents.Count : first; i < Documents.Count; i++)
        {
            var (stored, text, spans) = Read(Documents[i]);
            total += spans.Count;
            foreach (var span in spans)
            {
                if (lines.Count > request.Size)
                {
                    break;
                }
                var key = new LineKey([], Documents[i].DateKey, Documents[i].Id, span.Start);
                if (after is null || order.Compare(key, after.Value.Key) > 0)
                {
                    lines.Add((key, Line(Documents[i], stored, text, span)));
                }
            }
            // A later page knows the total from its cursor; only the first page reads on to count.
            if (after is not null && lines.Count > request.Size)
            {
                break;
            }
        }
        return Finish(lines, after?.Total ?? total);
    }

    private ConcordancePage PageSorted(LineKey? after)
    {
        // A max-heap of the best Size + 1 lines after the cursor: the extra line says whether a next page exists.
        var best = new PriorityQueue<ConcordanceLine, LineKey>(request.Size + 1, Comparer<LineKey>.Create((x, y) => order.Compare(y, x)));
        var total = 0;
        foreach (var document in Documents)
        {
            var (stored, text, spans) = Read(document);
            var nearWords = needsWords ? words.Of(document.Doc, text) : null;
            total += spans.Count;
            foreach (var span in spans)
            {
                var (left, match, right) = Cut(text, span);
                var key = new LineKey(Keys(document, stored, left, match, right, span, nearWords), document.DateKey, document.Id, span.Start);
                if (after is not null && order.Compare(key, after) <= 0)
                {
                    continue;
                }
                if (best.Count <= request.Size)
                {
                    best.Enqueue(Line(document, stored, left, match, right, span), key);
                }
                else if (best.TryPeek(out _, out var worst) && order.Compare(key, worst) < 0)
                {
                    best.EnqueueDequeue(Line(document, stored, left, match, right, span), key);
                }
            }
        }
        var lines = best.UnorderedItems.Select(item => (Key: item.Priority, Line: item.Element)).ToList();
        lines.Sort((x, y) => order.Compare(x.Key, y.Key));
        return Finish(lines, total);
    }

    private ConcordancePage Finish(List<(LineKey Key, ConcordanceLine Line)> lines, int total)
    {
        var more = lines.Count > request.Size;
        var page = lines.Take(request.Size).ToList();
        return new ConcordancePage(total, [.. page.Select(l => l.Line)], more ? ConcordanceCursor.Encode(page[^1].Key, total) : null);
    }

    private string[] Keys(DocumentRef document, Lucene.Net.Documents.Document stored, string left, string match, string right, HitSpan span, DocumentWords? near)
    {
        var keys = new string[request.Sort.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = request.Sort[i] switch
            {
                ConcordanceKey.Left => Reverse(left),
                ConcordanceKey.Right => right,
                ConcordanceKey.Left1 => left.Length >= 1 ? left[^1..^0] : "",
                ConcordanceKey.Left2 => left.Length >= 2 ? left[^2..^1] : "",
                ConcordanceKey.Right1 => right.Length >= 1 ? right[..1] : "",
                ConcordanceKey.Right2 => right.Length >= 2 ? right[1..2] : "",
                ConcordanceKey.LeftWord1 => near!.Before(span.Start, 1).Select(w => w.Text).FirstOrDefault() ?? "",
                ConcordanceKey.LeftWord2 => near!.Before(span.Start, 2).Skip(1).Select(w => w.Text).FirstOrDefault() ?? "",
                ConcordanceKey.RightWord1 => near!.After(span.Start + span.Length, 1).Select(w => w.Text).FirstOrDefault() ?? "",
                ConcordanceKey.RightWord2 => near!.After(span.Start + span.Length, 2).Skip(1).Select(w => w.Text).FirstOrDefault() ?? "",
                ConcordanceKey.Match => match,
                // Undated last, like the document order.
                ConcordanceKey.Date => document.DateKey == 0 ? "99999999" : document.DateKey.ToString("D8", CultureInfo.InvariantCulture),
                _ => stored.Get(FieldNames.Venue) ?? "",
            };
        }
        return keys;
    }

    private (Lucene.Net.Documents.Document Stored, string Text, List<HitSpan> Spans) Read(DocumentRef document)
    {
        var stored = searcher.Doc(document.Doc, Fields);
        var text = DocumentMapper.TextOf(stored);
        return (stored, text, PhraseLocator.Locate(text, phrases, patterns));
    }

    private ConcordanceLine Line(DocumentRef document, Lucene.Net.Documents.Document stored, string text, HitSpan span)
    {
        var (left, match, right) = Cut(text, span);
        return Line(document, stored, left, match, right, span);
    }

    private static ConcordanceLine Line(DocumentRef document, Lucene.Net.Documents.Document stored, string left, string match, string right, HitSpan span) => new(
        document.Id, stored.Get(FieldNames.Title), DocumentMapper.ParseDate(stored.Get(FieldNames.Date)), stored.Get(FieldNames.Venue),
        stored.Get(FieldNames.Kind), left, match, right, span.Start);

    private (string Left, string Match, string Right) Cut(string text, HitSpan span)
    {
        var end = span.Start + span.Length;
        var left = Math.Max(0, span.Start - request.Context);
        return (Flat(text[left..span.Start]), Flat(text[span.Start..end]), Flat(text[end..Math.Min(text.Length, end + request.Context)]));
    }

    /// <summary>Contexts are one line: paragraph breaks show as spaces (same length, so offsets still hold).</summary>
    private static string Flat(string text) => text.Replace('\n', ' ');

    /// <summary>Left contexts sort by the characters nearest the match first, as concordancers do.</summary>
    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
