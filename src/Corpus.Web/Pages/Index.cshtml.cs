using Corpus.Search;
using Corpus.Web.Requests;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Corpus.Web.Pages;

[EnableRateLimiting(RateLimitingSetup.ClientPolicy)]
public sealed class IndexModel(SearchService service, ILogger<IndexModel> logger) : PageModel
{
    public SearchParameters Parameters { get; private set; } = SearchParameters.Empty;

    /// <summary>Null when there is no query (the empty state) or the parameters were bad.</summary>
    public SearchResult? Result { get; private set; }

    /// <summary>The whole corpus (all documents), shown on the empty page; null once there is a query or a filter.</summary>
    public SearchResult? Overview { get; private set; }

    /// <summary>Facet counts for the filter panel: of the results, or of the whole corpus before a search.</summary>
    public FacetCounts? Facets { get; private set; }

    /// <summary>What is wrong with the parameters, shown inline with a 400 status.</summary>
    public string? Error { get; private set; }

    /// <summary>The query as typed, kept in the box even when the parameters were bad.</summary>
    public string TypedQuery { get; private set; } = "";

    public IActionResult OnGet()
    {
        TypedQuery = Request.Query["q"].FirstOrDefault() is { } typed
            ? typed[..Math.Min(typed.Length, SearchParameterParser.MaxQueryLength)]
            : "";
        try
        {
            Parameters = SearchParameterParser.Parse(Request.Query, requireQuery: false);
            if (QueryRefinement.Refine(Request.Query, Parameters.Query) is { } refined)
            {
                return Redirect(SearchUrl(Parameters with { Query = refined, Page = 1 }));
            }
            // A query, or filters alone (browsing, newest first); with neither, the corpus-wide counts fill the facets.
            var result = service.Search(Parameters.ToRequest());
            Facets = result.Facets;
            Overview = result;
            if (Parameters.HasQuery || Parameters.HasFilters)
            {
                Overview = null;
                Result = result;
                SearchLog.Searched(logger, Parameters.Query, Parameters.DescribeFilters(), "page", Result.Total, Result.ElapsedMs);
            }
        }
        catch (QueryException e)
        {
            Error = e.Message;
            Result = null;
            Facets = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SearchLog.Rejected(logger, Request.Path, Request.QueryString.Value ?? "", e.Message);
        }
        return Page();
    }

    public int TotalPages => Result is null
        ? 0
        : Math.Min((Result.Total + Parameters.Size - 1) / Parameters.Size, SearchService.MaxResultWindow / Parameters.Size);

    public string SearchUrl(SearchParameters parameters) => "/" + parameters.ToQueryString();

    public string DocumentUrl(string id) => $"/documents/{Uri.EscapeDataString(id)}{Parameters.ToQueryString()}";

    public string TimelineUrl() => "/timeline" + (Parameters with { Page = 1, Size = SearchParameters.DefaultSize, Sort = SearchSort.Relevance }).ToQueryString();

    /// <summary>The filler table for this search, when its query has a pattern with a slot; else null.</summary>
    public string? FillersUrl() => SearchService.OffersFillers(Parameters.Query)
        ? "/fillers" + (Parameters with { Page = 1, Size = SearchParameters.DefaultSize, Sort = SearchSort.Relevance }).ToQueryString()
        : null;

    public string ConcordanceUrl() => "/concordance" + (Parameters with { Page = 1, Size = SearchParameters.DefaultSize, Sort = SearchSort.Relevance }).ToQueryString();
}
