using System.Globalization;
using Corpus.Search;
using Corpus.Search.Json;
using Corpus.Web.Hosting;
using Corpus.Web.Requests;
using Microsoft.Extensions.Options;

namespace Corpus.Web.Api;

/// <summary>The JSON API: the same shapes as the CLI's --json output (<see cref="CorpusJson"/>).</summary>
public static class CorpusApi
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void MapCorpusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimitingSetup.ApiPolicy);
        api.MapGet("/search", Search);
        api.MapGet("/documents/{id}", Document);
        // HEAD too: download managers and link checkers probe a file before fetching it.
        api.MapMethods("/concordance", GetAndHead, Concordance);
        api.MapGet("/stats", (SearchService service) => Results.Json(service.Stats(), CorpusJson.Options));
        app.MapMethods("/concordance.csv", GetAndHead, (HttpContext context) => ConcordanceCore(context, csv: true))
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy);
        api.MapMethods("/fillers", GetAndHead, (HttpContext context) =>
            FillersCore(context, csv: string.Equals(context.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)));
        app.MapMethods("/fillers.csv", GetAndHead, (HttpContext context) => FillersCore(context, csv: true))
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy);
    }

    private static IResult Search(HttpContext context) => Guard(context, () =>
    {
        var parameters = SearchParameterParser.Parse(context.Request.Query, requireQuery: true);
        var service = context.RequestServices.GetRequiredService<SearchService>();
        var result = service.Search(parameters.ToRequest());
        SearchLog.Searched(Logger(context), parameters.Query, parameters.DescribeFilters(), "api", result.Total, result.ElapsedMs);
        return Results.Json(result, CorpusJson.Options);
    });

    private static IResult Document(HttpContext context, string id) => Guard(context, () =>
    {
        var query = SearchParameterParser.ParseHighlightQuery(context.Request.Query);
        var view = context.RequestServices.GetRequiredService<SearchService>().GetDocument(id, query);
        return view is null
            ? ApiErrors.Result(StatusCodes.Status404NotFound, $"没有编号为“{SortNames.Shorten(id)}”的文档。")
            : Results.Json(view, CorpusJson.Options);
    });

    private static IResult Concordance(HttpContext context) =>
        ConcordanceCore(context, csv: string.Equals(context.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase));

    private static IResult ConcordanceCore(HttpContext context, bool csv) => Guard(context, () =>
    {
        var (parameters, sort) = SearchParameterParser.ParseConcordance(context.Request.Query, requireQuery: true);
        var limit = context.RequestServices.GetRequiredService<IOptions<ConcordanceOptions>>().Value.DownloadLimit;
        var result = context.RequestServices.GetRequiredService<SearchService>()
            .Concordance(parameters.ToRequest(), sort, limit: limit);
        // A CSV has no place to say it was cut, so the headers say it (the JSON carries total and truncated too).
        context.Response.Headers[ConcordanceCsv.TruncatedHeader] = result.Truncated ? "true" : "false";
        context.Response.Headers[ConcordanceCsv.TotalHeader] = result.Total.ToString(CultureInfo.InvariantCulture);
        return csv
            ? Results.File(ConcordanceCsv.Write(result), "text/csv; charset=utf-8", "concordance.csv")
            : Results.Json(result, CorpusJson.Options);
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
            ? Results.File(FillerCsv.Write(table), "text/csv; charset=utf-8", "fillers.csv")
            : Results.Json(table, CorpusJson.Options);
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
