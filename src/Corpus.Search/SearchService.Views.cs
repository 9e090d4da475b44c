using System.Text.Json;
using Corpus.Search.Concordance;
using Corpus.Search.Json;
using Corpus.Search.Facets;
using Corpus.Search.Indexing;
using Corpus.Search.Querying;
using Corpus.Search.Words;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <summary>The research views over a result: concordance pages and groups, collocations, frequency lists and keywords.</summary>
public sealed partial class SearchService
{
    /// <summary>Lines per internal page when a whole concordance is streamed (a download): memory stays at one page.</summary>
    private const int StreamPageSize = 10_000;

    /// <exception cref="QueryException">Bad syntax, an impossible filter, bad sort keys or a bad cursor.</exception>
    public ConcordancePage Concordance(ConcordanceRequest request) =>
        PageOf(ValidateConcordance(request, ConcordanceRequest.MaxSize), request);

    private readonly ConcordanceSortCache sortCache = new();

    /// <summary>A page seeks in the cached list of all occurrences in the request's order (found and sorted once per
    /// index generation and request; document order too, whose first page would otherwise read every document to
    /// count them), or, for a concordance too large to hold, reads the documents from the cursor on (document order)
    /// or scans them all (context orders).</summary>
    private ConcordancePage PageOf(ParsedQuery parsed, ConcordanceRequest request) =>
        index.WithSearcher(searcher =>
        {
            if (searcher is null)
            {
                return new ConcordancePage(0, [], null);
            }
            var builder = new ConcordanceBuilder(searcher, () => Matching(searcher, parsed, request.Filters), parsed.BodyPhrases.ToList(), parsed.BodyPatterns, request);
            if (request.Sort.Count == 0 && CountedInDocumentOrder(searcher, parsed, builder, request) is { } counted)
            {
                if (builder.PageCounted(counted) is { } page)
                {
                    return page;
                }
                CountsDisagree(request.Filters.Query);
            }
            var sorted = sortCache.GetOrAdd(searcher.IndexReader, SortCacheKey(request), builder.SortAll);
            return sorted is null ? builder.Page() : builder.PageSorted(sorted);
        });

    /// <summary>The document order's lines counted from the index, from the concordance cache (null: the index cannot count them exactly).</summary>
    private CountedOccurrences? CountedInDocumentOrder(IndexSearcher searcher, ParsedQuery parsed, ConcordanceBuilder builder, ConcordanceRequest request)
    {
        var phrases = parsed.BodyPhraseTerms;
        return LineCounts.CanCount(phrases, parsed.BodyPatterns.Count > 0)
            ? sortCache.GetOrAdd(searcher.IndexReader, SortCacheKey(request), () => builder.CountAll(phrases))
            : null;
    }

    /// <summary>The index counted a query's occurrences in a text otherwise than the text holds them: a damaged index or
    /// a bug, never expected. The views then find the occurrences in the texts, so the answer stays right.</summary>
    private void CountsDisagree(string query) =>
        logger?.LogWarning("The index's occurrence counts disagree with a stored text for {Query}; the texts were read instead", query);

    /// <summary>Every occurrence in document order, from the concordance cache (null: too many to hold).</summary>
    private SortedOccurrences? OccurrencesInDocumentOrder(IndexSearcher searcher, ConcordanceBuilder builder, ConcordanceRequest request) =>
        sortCache.GetOrAdd(searcher.IndexReader, SortCacheKey(request), builder.SortAll);

    /// <summary>The builder of the document-order concordance of a query, which collocations count over.</summary>
    private static (ConcordanceBuilder Builder, ConcordanceRequest Request) DocumentOrderBuilder(IndexSearcher searcher, ParsedQuery parsed, SearchRequest filters)
    {
        var request = new ConcordanceRequest(filters, []);
        return (new ConcordanceBuilder(searcher, () => Matching(searcher, parsed, filters), parsed.BodyPhrases.ToList(), parsed.BodyPatterns, request), request);
    }

    /// <summary>Everything that decides a concordance's order: the query, filters, sort keys, collation and width.</summary>
    private static string SortCacheKey(ConcordanceRequest request) => JsonSerializer.Serialize(
        request with { After = null, Size = 0, Filters = request.Filters with { Page = 1, Size = 1 } }, CorpusJson.Options);

    /// <summary>Every line in the request's order, page after page (each page from the then current index).</summary>
    /// <exception cref="QueryException">As <see cref="Concordance(ConcordanceRequest)"/>, thrown before the first line.</exception>
    public IEnumerable<ConcordanceLine> ConcordanceLines(ConcordanceRequest request, out int total)
    {
        request = request with { Size = StreamPageSize };
        var parsed = ValidateConcordance(request, StreamPageSize);
        var first = PageOf(parsed, request);
        total = first.Total;
        return Continue(parsed, first, request);
    }

    private IEnumerable<ConcordanceLine> Continue(ParsedQuery parsed, ConcordancePage page, ConcordanceRequest request)
    {
        while (true)
        {
            foreach (var line in page.Lines)
            {
                yield return line;
            }
            if (page.Next is null)
            {
                yield break;
            }
            page = PageOf(parsed, request with { After = page.Next });
        }
    }

    /// <exception cref="QueryException">Bad syntax or an impossible filter.</exception>
    public ConcordanceGroups ConcordanceGroups(ConcordanceRequest request, ConcordanceGrouping by)
    {
        var parsed = ValidateConcordance(request with { After = null, Size = 1 }, 1);
        return index.WithSearcher(searcher => searcher is null
            ? new ConcordanceGroups(0, by, [])
            : new ConcordanceBuilder(searcher, () => Matching(searcher, parsed, request.Filters), parsed.BodyPhrases.ToList(), parsed.BodyPatterns, request).Group(by));
    }

    /// <summary>
    /// Collocates of the query: f_xy = times the word occurs within the window of the occurrences counted (scaled by
    /// occurrences / counted when sampled), f_x = occurrences of the query, f_y = the word's frequency and N = the words
    /// in the sub-corpus the filters select (the whole corpus without filters); see <see cref="Association"/>.
    /// </summary>
    /// <exception cref="QueryException">Bad syntax, an impossible filter, or a window or limit out of range.</exception>
    public CollocationResult Collocations(CollocationRequest request)
    {
        var parsed = RequireQuery(request.Filters);
        if (request.Window is < 1 or > CollocationRequest.MaxWindow)
        {
            throw new QueryException($"窗口必须在 1 到 {CollocationRequest.MaxWindow} 个词之间（收到 {request.Window}）");
        }
        CheckLimit(request.Limit, CollocationRequest.MaxLimit);
        var segmentation = Segmentation(parsed);
        return index.WithSearcher(searcher =>
        {
            if (searcher is null)
            {
                return new CollocationResult(0, 0, request.Window, 0, segmentation, []);
            }
            // The document-order concordance's lines as counted from the index (or, for a pattern, found in the texts)
            // and cached, so a collocation after a concordance (or another window) reads only the documents it samples.
            var builder = DocumentOrderBuilder(searcher, parsed, request.Filters);
            var lines = CountedInDocumentOrder(searcher, parsed, builder.Builder, builder.Request);
            var fromCounts = lines is null ? null : CollocationCounter.Count(searcher, lines, parsed.BodyPhrases.ToList(), request.Window);
            if (lines is not null && fromCounts is null)
            {
                CountsDisagree(request.Filters.Query);
            }
            var (occurrences, counted, counts) = fromCounts
                ?? (OccurrencesInDocumentOrder(searcher, builder.Builder, builder.Request) is { } found
                ? CollocationCounter.Count(searcher, found, request.Window)
                : CollocationCounter.Count(searcher, Matching(searcher, parsed, request.Filters), parsed.BodyPhrases.ToList(), parsed.BodyPatterns, request.Window));
            var reference = SubCorpus(searcher, request.Filters with { Query = "" });
            var scale = counted == 0 ? 0 : (double)occurrences / counted;
            var collocates = counts
                .Where(c => c.Value >= request.MinCount)
                .Select(c =>
                {
                    var fxy = c.Value * scale;
                    // A sampled count scaled up may pass what the index counted: a word's frequency is at least what was seen.
                    var fy = Math.Max(reference.Of(c.Key), (long)Math.Ceiling(fxy));
                    return new Collocate(c.Key, c.Value, fy, Association.LogDice(fxy, occurrences, fy), Association.Mi(fxy, occurrences, fy, reference.Tokens));
                })
                .OrderByDescending(c => c.LogDice).ThenByDescending(c => c.Count).ThenBy(c => c.Word, StringComparer.Ordinal)
                .Take(request.Limit)
                .ToList();
            return new CollocationResult(occurrences, counted, request.Window, reference.Tokens, segmentation, collocates);
        });
    }

    /// <summary>The word frequency list of the documents the filters (and query, if any) select, and optionally their keywords against the whole corpus.</summary>
    /// <exception cref="QueryException">Bad syntax, an impossible filter or a limit out of range.</exception>
    public FrequencyResult Frequencies(FrequencyRequest request)
    {
        Validate(request.Filters with { Page = 1, Size = 1 });
        CheckLimit(request.Limit, FrequencyRequest.MaxLimit);
        var parsed = QueryParser.Parse(request.Filters.Query);
        return index.WithSearcher(searcher =>
        {
            if (searcher is null)
            {
                return new FrequencyResult(0, 0, 0, 0, [], request.Compare ? [] : null);
            }
            var corpus = WordCounts.Corpus(searcher.IndexReader);
            var sub = SubCorpus(searcher, request.Filters);
            var words = sub.Counts
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(request.Limit)
                .Select(p => new WordFrequency(p.Key, p.Value, PerMillion(p.Value, sub.Tokens)))
                .ToList();
            List<Keyword>? keywords = null;
            if (request.Compare)
            {
                keywords = [.. sub.Counts
                    .Select(p => (Word: p.Key, Count: p.Value, Reference: corpus.Of(p.Key)))
                    // Only words relatively more frequent here than in the corpus are this sub-corpus's keywords.
                    .Where(w => (double)w.Count * corpus.Tokens > (double)w.Reference * sub.Tokens)
                    .Select(w => new Keyword(
                        w.Word, w.Count, w.Reference, PerMillion(w.Count, sub.Tokens), PerMillion(w.Reference, corpus.Tokens),
                        Association.LogLikelihood(w.Count, w.Reference, sub.Tokens, corpus.Tokens)))
                    .OrderByDescending(k => k.LogLikelihood).ThenBy(k => k.Word, StringComparer.Ordinal)
                    .Take(request.Limit)];
            }
            return new FrequencyResult(sub.Documents, sub.Tokens, sub.Counts.Count, corpus.Tokens, words, keywords);
        });
    }

    /// <summary>The word counts of the documents a request selects: from the per-generation cache when it selects everything.</summary>
    private static WordCounts SubCorpus(IndexSearcher searcher, SearchRequest filters)
    {
        var parsed = QueryParser.Parse(filters.Query);
        if (parsed.MatchesAll && filters.From is null && filters.To is null && !filters.HasFacetFilters)
        {
            return WordCounts.Corpus(searcher.IndexReader);
        }
        var leaves = searcher.IndexReader.Leaves;
        var selected = new Dictionary<object, FixedBitSet>();
        foreach (var doc in Matching(searcher, parsed, filters))
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            if (!selected.TryGetValue(leaf.AtomicReader.CoreCacheKey, out var bits))
            {
                bits = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                selected[leaf.AtomicReader.CoreCacheKey] = bits;
            }
            bits.Set(doc - leaf.DocBase);
        }
        return WordCounts.Count(searcher.IndexReader, selected);
    }

    /// <summary>Top-level ids of the documents the query matches under the request's filters.</summary>
    private static List<int> Matching(IndexSearcher searcher, ParsedQuery parsed, SearchRequest filters)
    {
        var all = new AllHitsCollector();
        var venues = FacetOrdinals.For(searcher.IndexReader, FieldNames.Venue);
        var kinds = FacetOrdinals.For(searcher.IndexReader, FieldNames.Kind);
        var filtered = new FacetingCollector(all, Filter(filters, venues, kinds), venues, kinds, DateKeys.For(searcher.IndexReader), countFacets: false);
        searcher.Search(LuceneQueryBuilder.Match(parsed), VerifyingCollector.Around(filtered, parsed));
        return [.. all.Hits.Select(h => h.Doc)];
    }

    private static ParsedQuery ValidateConcordance(ConcordanceRequest request, int maxSize)
    {
        var parsed = RequireQuery(request.Filters);
        if (request.Context is < 1 or > ConcordanceRequest.MaxContext)
        {
            throw new QueryException($"语境宽度必须在 1 到 {ConcordanceRequest.MaxContext} 个字之间（收到 {request.Context}）");
        }
        if (request.Size < 1 || request.Size > maxSize)
        {
            throw new QueryException($"每页行数必须在 1 到 {maxSize} 之间（收到 {request.Size}）");
        }
        if (request.Sort.Count > ConcordanceRequest.MaxSortKeys || request.Sort.Distinct().Count() != request.Sort.Count)
        {
            throw new QueryException($"排序最多 {ConcordanceRequest.MaxSortKeys} 级，且各级不能重复。");
        }
        return parsed;
    }

    private static ParsedQuery RequireQuery(SearchRequest filters)
    {
        Validate(filters with { Page = 1, Size = 1 });
        var parsed = QueryParser.Parse(filters.Query);
        if (parsed.MatchesAll || (!parsed.BodyPhrases.Any() && parsed.BodyPatterns.Count == 0))
        {
            throw new QueryException("需要在正文中检索的词语（语境索引和搭配按正文中的每一处出现计算）。");
        }
        return parsed;
    }

    private static void CheckLimit(int limit, int max)
    {
        if (limit < 1 || limit > max)
        {
            throw new QueryException($"条数必须在 1 到 {max} 之间（收到 {limit}）");
        }
    }

    private static List<string> Segmentation(ParsedQuery parsed) =>
        [.. parsed.Required.SelectMany(c => c.Alternatives).SelectMany(p => LuceneQueryBuilder.Segment(p.Text))];

    private static double PerMillion(long count, long tokens) => tokens == 0 ? 0 : count * 1e6 / tokens;
}
