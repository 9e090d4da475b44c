using System.Globalization;
using Corpus.Search;
using Corpus.Search.Fillers;
using Corpus.Search.Json;
using Corpus.Web.Hosting;
using Corpus.Web.Requests;

namespace Corpus.Web.Api;

/// <summary>The JSON API: the same shapes as the CLI's --json output (<see cref="CorpusJson"/>).</summary>
public static class CorpusApi
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void MapCorpusApi(this IEndpointRouteBuilder app)
    {
        // HEAD too: download managers, link checkers and monitors probe a URL before fetching it.
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimitingSetup.ClientPolicy);
        api.MapMethods("/search", GetAndHead, Search);
        api.MapMethods("/documents/{id}", GetAndHead, Document);
        api.MapMethods("/concordance", GetAndHead, Concordance).WithMetadata(new ConcordanceCostAttribute());
        api.MapMethods("/timeline", GetAndHead, Timeline);
        api.MapMethods("/collocations", GetAndHead, Collocations).WithMetadata(new ConcordanceCostAttribute());
        api.MapMethods("/frequencies", GetAndHead, Frequencies).WithMetadata(new ConcordanceCostAttribute());
        api.MapMethods("/stats", GetAndHead, (SearchService service) => TypedResults.Json(service.Stats(), CorpusJson.Options));
        app.MapMethods("/concordance.csv", GetAndHead, (HttpContext context) => ConcordanceCore(context, csv: true))
            .RequireRateLimiting(RateLimitingSetup.ClientPolicy).WithMetadata(new ConcordanceCostAttribute());
        api.MapMethods("/fillers", GetAndHead, (HttpContext context) =>
            FillersCore(context, csv: string.Equals(context.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)));
        app.MapMethods("/fillers.csv", GetAndHead, (HttpContext context) => FillersCore(context, csv: true))
            .RequireRateLimiting(RateLimitingSetup.ClientPolicy);
    }

    private static IResult Search(HttpContext context) => Guard(context, () =>
    {
        var parameters = SearchParameterParser.Parse(context.Request.Query, requireQuery: true);
        var service = context.RequestServices.GetRequiredService<SearchService>();
        var result = service.Search(parameters.ToRequest());
        SearchLog.Searched(Logger(context), parameters.Query, parameters.DescribeFilters(), "api", result.Total, result.ElapsedMs);
        return TypedResults.Json(result, CorpusJson.Options);
    });

    private static IResult Document(HttpContext context, string id) => Guard(context, () =>
    {
        var query = SearchParameterParser.ParseHighlightQuery(context.Request.Query);
        var view = context.RequestServices.GetRequiredService<SearchService>().GetDocument(id, query);
        return view is null
            ? ApiErrors.Result(StatusCodes.Status404NotFound, $"没有编号为“{UserText.Shorten(id)}”的文档。")
            : TypedResults.Json(view, CorpusJson.Options);
    });

    private static IResult Timeline(HttpContext context) => Guard(context, () =>
    {
        var parameters = SearchParameterParser.ParseTimeline(context.Request.Query, requireQuery: true);
        var result = context.RequestServices.GetRequiredService<SearchService>().Timeline(parameters.ToRequest());
        return string.Equals(context.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.File(TimelineCsv.Write(result), "text/csv; charset=utf-8", "timeline.csv")
            : Results.Json(result, CorpusJson.Options);
    });

    private static IResult Concordance(HttpContext context) =>
        ConcordanceCore(context, csv: string.Equals(context.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>A page of lines (after=cursor for the next), the group counts with group=…, or the whole list as CSV.</summary>
    private static IResult ConcordanceCore(HttpContext context, bool csv) => Guard(context, () =>
    {
        var parameters = ViewParameterParser.ParseConcordance(context.Request.Query, requireQuery: true);
        var service = context.RequestServices.GetRequiredService<SearchService>();
        if (csv)
        {
            var lines = service.ConcordanceLines(parameters.ToRequest() with { After = null }, out var total);
            context.Response.Headers[ConcordanceCsv.TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.ContentDisposition = ConcordanceCsv.ContentDisposition(parameters.Filters.Query);
            var request = context.Request;
            var highlight = "?q=" + Uri.EscapeDataString(parameters.Filters.Query);
            string Url(string id) => $"{request.Scheme}://{request.Host}{request.PathBase}/documents/{Uri.EscapeDataString(id)}{highlight}";
            return TypedResults.Stream(
                body => HttpMethods.IsHead(request.Method) ? Task.CompletedTask : ConcordanceCsv.Write(body, lines, Url, context.RequestAborted),
                "text/csv; charset=utf-8");
        }
        return parameters.Group is { } by
            ? TypedResults.Json(service.ConcordanceGroups(parameters.ToRequest(), by), CorpusJson.Options)
            : TypedResults.Json(service.Concordance(parameters.ToRequest()), CorpusJson.Options);
    });

    private static IResult Collocations(HttpContext context) => Guard(context, () =>
    {
        var (_, request) = ViewParameterParser.ParseCollocations(context.Request.Query, requireQuery: true);
        return TypedResults.Json(context.RequestServices.GetRequiredService<SearchService>().Collocations(request), CorpusJson.Options);
    });

    private static IResult Frequencies(HttpContext context) => Guard(context, () =>
    {
        var (_, request) = ViewParameterParser.ParseFrequencies(context.Request.Query);
        return TypedResults.Json(context.RequestServices.GetRequiredService<SearchService>().Frequencies(request), CorpusJson.Options);
    });

    /// <summary>What fills a pattern's slots; JSON rows up to "limit" (default <see cref="SearchService.DefaultFillerRows"/>), the CSV all of them up to the maximum.</summary>
    private static IResult FillersCore(HttpContext context, bool csv) => Guard(context, () =>
    {
        var (parameters, sort) = SearchParameterParser.ParseFillers(context.Request.Query, requireQuery: true);
        var limit = SearchParameterParser.Limit(context.Request.Query, csv ? SearchService.MaxFillerRows : SearchService.DefaultFillerRows, SearchService.MaxFillerRows);
        var table = context.RequestServices.GetRequiredService<SearchService>().Fillers(parameters.ToRequest(), sort, limit);
        context.Response.Headers[ConcordanceCsv.TruncatedHeader] = table.Truncated ? "true" : "false";
        context.Response.Headers[ConcordanceCsv.TotalHeader] = table.Distinct.ToString(CultureInfo.InvariantCulture);
        return csv
            ? TypedResults.File(FillerCsv.Write(table), "text/csv; charset=utf-8", "fillers.csv")
            : TypedResults.Json(table, CorpusJson.Options);
    });

    /// <summary>Bad parameters and queries are the caller's to fix: 400 with the message, logged below Error.</summary>
    private static IResult Guard(HttpContext context, Func<IResult> handle)
    {
        try
        {
            return handle();
        }
        catch (QueryException e)
        {
            SearchLog.Rejected(Logger(context), context.Request.Path, context.Request.QueryString.Value ?? "", e.Message);
            return ApiErrors.Result(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Corpus.Web.Api");
}
