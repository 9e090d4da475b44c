using System.Diagnostics;
using System.Globalization;
using Corpus.Ingest.Model;
using Corpus.Search.Facets;
using Corpus.Search.Fillers;
using Corpus.Search.Highlighting;
using Corpus.Search.Indexing;
using Corpus.Search.Patterns;
using Corpus.Search.Querying;
using Corpus.Search.Timeline;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Corpus.Search;

/// <param name="logger">Where a disagreement between the index and the stored texts is reported (null: nowhere).</param>
public sealed partial class SearchService(CorpusIndex index, ILogger<SearchService>? logger = null)
{
    public const int MaxSize = 100;

    /// <summary>Longest query accepted, in characters: ample for phrases, small enough that nobody pastes a document.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>How deep paging goes: past it, a narrower query serves users better than page 500 would.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Most filler rows one request returns: past it, a narrower pattern or filter serves better.</summary>
    public const int MaxFillerRows = 10_000;

    /// <summary>Filler rows the page shows and the API returns unless asked for more: the common fillers, readable at a glance.</summary>
    public const int DefaultFillerRows = 500;

    /// <summary>How many of the best exact-match hits the words-field score re-ranks (see <see cref="LuceneQueryBuilder.Rank"/>); later pages follow the exact-match score.</summary>
    private const int RescoreWindow = 200;
    private static readonly HashSet<string> HitFields = [FieldNames.Id, FieldNames.Title, FieldNames.Date, FieldNames.Venue, FieldNames.Kind];
    private static readonly HashSet<string> HitFieldsWithText = [.. HitFields, FieldNames.Text, FieldNames.Copies];

    /// <exception cref="QueryException">Bad syntax or an impossible filter.</exception>
    public SearchResult Search(SearchRequest request) => Search(request, SearchOptions.Everything);

    /// <summary>A search that computes only what <paramref name="options"/> asks (benchmarks measure each part).</summary>
    /// <exception cref="QueryException">Bad syntax or an impossible filter.</exception>
    public SearchResult Search(SearchRequest request, SearchOptions options)
    {
        var clock = Stopwatch.StartNew();
        Validate(request);
        var parsed = QueryParser.Parse(request.Query);
        var segmentation = parsed.Required.SelectMany(c => c.Alternatives).SelectMany(LuceneQueryBuilder.Segment).ToList();
        using var lease = index.Lease();
        if (lease.Searcher is not { } searcher)
        {
            return new SearchResult(0, 0, [], Empty, segmentation, clock.Elapsed.TotalMilliseconds);
        }
        var phrases = new HitPhrases(parsed.BodyPhrases.ToList(), parsed.TitlePhrases.ToList(), parsed.BodyPatterns);
        // The hits are re-ranked and read (stored text, snippets) on as many threads as the search itself.
        var (collected, occurrenceTotal, hits) = index.Partitioned(parts =>
        {
            var (matches, occurrences, topDocs) = Collect(searcher, parsed, request, options, (long)request.Page * request.Size, parts);
            var top = topDocs((request.Page - 1) * request.Size, request.Size);
            var page = new SearchHit[top.Length];
            ParallelWork.For(top.Length, parts, i => page[i] = Hit(searcher, top[i], phrases, options));
            return (matches, occurrences, page);
        });
        var facets = options.Facets ? collected.Counts() : Empty;
        return new SearchResult(collected.Total, occurrenceTotal, hits, facets, segmentation, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>One hit as the result list shows it: its stored fields, and with snippets its located occurrences.</summary>
    private static SearchHit Hit(IndexSearcher searcher, ScoreDoc scoreDoc, HitPhrases phrases, SearchOptions options)
    {
        var stored = searcher.Doc(scoreDoc.Doc, options.Snippets ? HitFieldsWithText : HitFields);
        var title = stored.Get(FieldNames.Title);
        var occurrences = 0;
        IReadOnlyList<Snippet> snippets = [];
        IReadOnlyList<HitSpan> titleHits = [];
        if (options.Snippets)
        {
            var text = DocumentMapper.TextOf(stored);
            var spans = PhraseLocator.Locate(text, phrases.Body, phrases.Patterns);
            if (spans.Count == 0 && stored.Get(FieldNames.Copies) is not null)
            {
                // Matched through a copy: count and show the copies' occurrences (see SearchHit.Occurrences).
                text = DocumentMapper.CopiesText(stored);
                spans = PhraseLocator.Locate(text, phrases.Body, phrases.Patterns);
            }
            titleHits = PhraseLocator.Locate(title, phrases.Title);
            occurrences = spans.Count + titleHits.Count;
            snippets = SnippetBuilder.Build(text, spans);
        }
        return new SearchHit(
            stored.Get(FieldNames.Id), title, DocumentMapper.ParseDate(stored.Get(FieldNames.Date)),
            stored.Get(FieldNames.Venue), stored.Get(FieldNames.Kind), float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score,
            occurrences, snippets, titleHits);
    }

    /// <summary>What a hit's occurrences are located by: the body's phrases and patterns, the title's phrases.</summary>
    private sealed record HitPhrases(IReadOnlyList<string> Body, IReadOnlyList<string> Title, IReadOnlyList<TextPattern> Patterns);

    /// <returns>Null when no document has this id.</returns>
    /// <exception cref="QueryException">Bad query syntax.</exception>
    public DocumentView? GetDocument(string id, string? query)
    {
        var parsed = string.IsNullOrWhiteSpace(query) ? null : QueryParser.Parse(query);
        var phrases = parsed?.BodyPhrases.ToList() ?? [];
        var titlePhrases = parsed?.TitlePhrases.ToList() ?? [];
        return index.WithSearcher(searcher =>
        {
            if (searcher is null)
            {
                return null;
            }
            var top = searcher.Search(new TermQuery(new Term(FieldNames.Id, id)), 1);
            if (top.TotalHits == 0)
            {
                return null;
            }
            var document = DocumentMapper.FromLucene(searcher.Doc(top.ScoreDocs[0].Doc));
            return new DocumentView(document, PhraseLocator.Locate(document.Text, phrases, parsed?.BodyPatterns), PhraseLocator.Locate(document.Title, titlePhrases))
            {
                CopyHits = [.. document.Copies.Select(c => PhraseLocator.Locate(c.Text, phrases, parsed?.BodyPatterns))],
            };
        });
    }

    /// <summary>How many queries one timeline compares: more lines than that on one chart cannot be told apart.</summary>
    public const int MaxTimelineQueries = 4;

    /// <summary>Documents, occurrences and characters per period for each query under the filters (see <see cref="TimelineResult"/>).</summary>
    /// <exception cref="QueryException">No query, too many, bad syntax, an impossible filter or too many periods.</exception>
    public TimelineResult Timeline(TimelineRequest request)
    {
        if (request.Queries.Count is < 1 or > MaxTimelineQueries)
        {
            throw new QueryException($"时间轴需要 1 到 {MaxTimelineQueries} 个查询（收到 {request.Queries.Count} 个）");
        }
        var filters = new SearchRequest("", request.From, request.To, request.Venues, request.Kinds, ExcludedVenues: request.ExcludedVenues, ExcludedKinds: request.ExcludedKinds);
        Validate(filters);
        var queries = request.Queries.Select(q =>
        {
            var parsed = QueryParser.Parse(q);
            return parsed.MatchesAll ? throw new QueryException("时间轴需要查询词：每个查询都不能为空") : (q, parsed);
        }).ToList();
        return index.WithSearcher(searcher =>
        {
            if (searcher is null)
            {
                return new TimelineResult(request.Unit ?? TimelineUnit.Day, [.. queries.Select(q => new TimelineSeries(q.q, []))]);
            }
            var reader = searcher.IndexReader;
            var filter = Filter(filters, FacetOrdinals.For(reader, FieldNames.Venue), FacetOrdinals.For(reader, FieldNames.Kind));
            return TimelineBuilder.Build(searcher, queries, filter, request.Unit);
        });
    }

    /// <summary>The distinct fillers of the query's first body pattern with a slot (* or ?), over all results.</summary>
    /// <exception cref="QueryException">Bad syntax, an impossible filter, or no pattern with a slot.</exception>
    public FillerTable Fillers(SearchRequest request, FillerSort sort, int limit)
    {
        Validate(request with { Page = 1, Size = 1 });
        if (limit is < 1 or > MaxFillerRows)
        {
            throw new QueryException($"填充统计的条数须在 1 到 {MaxFillerRows} 之间（收到 {limit}）");
        }
        var parsed = QueryParser.Parse(request.Query);
        var pattern = SlotPattern(parsed)
            ?? throw new QueryException("填充统计需要正文里带空档的模式，如 坚持*不动摇 或 越?越");
        return index.WithSearcher(searcher =>
        {
            if (searcher is null)
            {
                return new FillerTable(pattern.Source, 0, 0, 0, [], false);
            }
            var all = new AllHitsCollector();
            var venues = FacetOrdinals.For(searcher.IndexReader, FieldNames.Venue);
            var kinds = FacetOrdinals.For(searcher.IndexReader, FieldNames.Kind);
            var filtered = new FacetingCollector(all, Filter(request, venues, kinds), venues, kinds, DateKeys.For(searcher.IndexReader), countFacets: false);
            searcher.Search(LuceneQueryBuilder.Match(parsed), VerifyingCollector.Around(filtered, parsed));
            return FillerCounter.Count(searcher, all.Hits.Select(h => h.Doc).Order(), pattern, request.Query, sort, limit);
        });
    }

    /// <summary>Whether <see cref="Fillers"/> has something to count for this query (false for a malformed one).</summary>
    public static bool OffersFillers(string query)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(query) && SlotPattern(QueryParser.Parse(query)) is not null;
        }
        catch (QueryException)
        {
            return false;
        }
    }

    private static TextPattern? SlotPattern(ParsedQuery parsed) =>
        parsed.BodyPatterns.FirstOrDefault(p => p.Slots > 0);

    public CorpusStats Stats() => index.WithSearcher(searcher =>
    {
        if (searcher is null)
        {
            return new CorpusStats(0, 0, null, null, Empty.Venue, Empty.Kind, Empty.Year, 0, 0, [], null);
        }
        var metadata = CorpusIndex.Metadata(searcher);
        var venues = FacetOrdinals.For(searcher.IndexReader, FieldNames.Venue);
        var kinds = FacetOrdinals.For(searcher.IndexReader, FieldNames.Kind);
        var dates = new DateRangeCollector();
        var facets = new FacetingCollector(dates, new ResultFilter(null, null, null, null), venues, kinds, DateKeys.For(searcher.IndexReader), countFacets: true);
        searcher.Search(new MatchAllDocsQuery(), facets);
        var counts = facets.Counts();
        return new CorpusStats(
            searcher.IndexReader.NumDocs, metadata?.Characters ?? 0, dates.From, dates.To, counts.Venue, counts.Kind, counts.Year,
            metadata?.Files ?? 0, metadata?.DuplicatesMerged ?? 0, metadata?.Skipped ?? [], metadata?.IngestedAt);
    });

    /// <summary>Every stored document, in a stable order (by id), for export.</summary>
    public IEnumerable<CleanDocument> AllDocuments()
    {
        using var lease = index.Lease();
        if (lease.Searcher is not { } searcher)
        {
            yield break;
        }
        var all = new AllHitsCollector();
        searcher.Search(new MatchAllDocsQuery(), all);
        HashSet<string> idOnly = [FieldNames.Id];
        var ordered = all.Hits.Select(h => (Id: searcher.Doc(h.Doc, idOnly).Get(FieldNames.Id), h.Doc))
            .OrderBy(h => h.Id, StringComparer.Ordinal).ToList();
        foreach (var (_, doc) in ordered)
        {
            yield return DocumentMapper.FromLucene(searcher.Doc(doc));
        }
    }

    private static readonly FacetCounts Empty = new(
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());

    /// <summary>
    /// Runs the query on <paramref name="parts"/> threads (see <see cref="PartitionedSearch"/>), each with its own
    /// collectors, and merges them: totals and facet counts add up, top hits merge by score or date (ties in document
    /// order, as one pass would break them). Re-ranking the best hits uses as many threads.
    /// </summary>
    private static (FacetingCollector Collected, long Occurrences, Func<int, int, ScoreDoc[]> TopDocs) Collect(
        IndexSearcher searcher, ParsedQuery parsed, SearchRequest request, SearchOptions options, long wanted, int parts)
    {
        var reader = searcher.IndexReader;
        var venues = FacetOrdinals.For(reader, FieldNames.Venue);
        var kinds = FacetOrdinals.For(reader, FieldNames.Kind);
        var dates = DateKeys.For(reader);
        var filter = Filter(request, venues, kinds);
        var numHits = (int)Math.Clamp(wanted, 1, Math.Max(1, reader.MaxDoc));
        // Without a query there is nothing to rank by: newest first is the useful order for browsing.
        var sort = parsed.MatchesAll && request.Sort == SearchSort.Relevance ? SearchSort.Date : request.Sort;
        var window = sort == SearchSort.Relevance ? (int)Math.Clamp(Math.Max(wanted, RescoreWindow), 1, Math.Max(1, reader.MaxDoc)) : numHits;
        var dateSort = sort == SearchSort.Relevance ? null : DateSort(sort == SearchSort.Date);
        var phrases = options.Occurrences && !parsed.MatchesAll ? parsed.Required.SelectMany(c => c.Alternatives).Distinct().ToList() : null;
        var chains = PartitionedSearch.Run(searcher, LuceneQueryBuilder.Match(parsed), parts, () =>
        {
            ICollector top = dateSort is null
                ? TopScoreDocCollector.Create(window, docsScoredInOrder: true)
                : TopFieldCollector.Create(dateSort, numHits, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            // Occurrences are added up over the documents the filters accept, so they wrap the top-hits collector.
            var occurrences = phrases is null ? null : new OccurrenceTotalCollector(top, phrases);
            var collector = new FacetingCollector(occurrences ?? top, filter, venues, kinds, dates, options.Facets);
            return ((Facets: collector, Top: (ITopDocsCollector)top, Occurrences: occurrences), VerifyingCollector.Around(collector, parsed));
        });
        var merged = chains[0].Facets;
        foreach (var chain in chains.Skip(1))
        {
            merged.Add(chain.Facets);
        }
        var shards = chains.Select(c => c.Top.GetTopDocs()).ToArray();
        Func<int, int, ScoreDoc[]> topDocs;
        if (dateSort is null)
        {
            var rank = LuceneQueryBuilder.Rank(parsed);
            topDocs = (start, size) =>
            {
                // Only the first window is re-ranked, so the order (and paging through it) does not depend on the page.
                var first = TopDocs.Merge(null, window, shards).ScoreDocs;
                var ranked = rank is null
                    ? first
                    : WordsRescorer.Rescore(searcher, first[..Math.Min(RescoreWindow, first.Length)], rank, parts).Concat(first.Skip(RescoreWindow));
                return [.. ranked.Skip(start).Take(size)];
            };
        }
        else
        {
            topDocs = (start, size) => TopDocs.Merge(dateSort, start, size, shards).ScoreDocs;
        }
        return (merged, chains.Sum(c => c.Occurrences?.Total ?? 0), topDocs);
    }

    /// <summary>Newest or oldest first; documents without a date come last either way.</summary>
    internal static Sort DateSort(bool newestFirst) => new(
        DateField(newestFirst),
        SortField.FIELD_DOC);

    private static SortField DateField(bool newestFirst)
    {
        var field = new SortField(FieldNames.Date, SortFieldType.INT32, newestFirst);
        field.SetMissingValue(newestFirst ? int.MinValue : int.MaxValue);
        return field;
    }

    private static ResultFilter Filter(SearchRequest request, FacetOrdinals venues, FacetOrdinals kinds) => new(
        request.From is { } from ? DateKey.From(from) : null,
        request.To is { } to ? DateKey.From(to) : null,
        FacetSelection.Of(venues, request.Venues, request.ExcludedVenues, VenueMatches),
        FacetSelection.Of(kinds, request.Kinds, request.ExcludedKinds, (label, wanted) => string.Equals(label, wanted, StringComparison.Ordinal)));

    /// <summary>
    /// Venues are stored in one full form (湖北省武汉市); users type the short one (武汉, 湖北, 北京). A typed venue
    /// selects (or excludes) every stored venue that is it or contains it, so a province selects its cities too.
    /// </summary>
    private static bool VenueMatches(string label, string wanted) =>
        wanted.Length > 0 && (label == wanted || (wanted.Length >= 2 && label.Contains(wanted, StringComparison.Ordinal)));

    private static void Validate(SearchRequest request)
    {
        if (request.Page < 1)
        {
            throw new QueryException($"页码必须从 1 开始（收到 {request.Page}）");
        }
        if (request.Size is < 1 or > MaxSize)
        {
            throw new QueryException($"每页条数必须在 1 到 {MaxSize} 之间（收到 {request.Size}）");
        }
        if ((long)request.Page * request.Size > MaxResultWindow)
        {
            throw new QueryException($"只能翻阅前 {MaxResultWindow} 条结果：请缩小检索范围。");
        }
        if ((request.Kinds ?? []).Concat(request.ExcludedKinds ?? []).FirstOrDefault(k => k != FacetCounts.Unknown && !ArticleKinds.All.Contains(k)) is { } unknown)
        {
            throw new QueryException($"没有“{unknown}”这一类别：可选 {string.Join("、", ArticleKinds.All)}、{FacetCounts.Unknown}");
        }
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new QueryException($"起始日期 {from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 晚于结束日期 {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
    }
}
