using Corpus.Search;
using Corpus.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary>What fills the slots of a pattern (坚持*不动摇 → 党的领导, …), over the search's results.</summary>
public sealed class FillersModel(SearchService service, ILogger<FillersModel> logger) : PageModel
{
    public SearchParameters Parameters { get; private set; } = SearchParameters.Empty;

    public FillerSort Sort { get; private set; }

    public FillerTable? Result { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        try
        {
            (Parameters, Sort) = SearchParameterParser.ParseFillers(Request.Query, requireQuery: false);
            if (Parameters.HasQuery)
            {
                Result = service.Fillers(Parameters.ToRequest(), Sort, SearchService.DefaultFillerRows);
            }
        }
        catch (QueryException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SearchLog.Rejected(logger, Request.Path, Request.QueryString.Value ?? "", e.Message);
        }
        return Page();
    }

    /// <summary>The state as a query string, with the table's sort when it is not the default.</summary>
    public string StateQuery(FillerSort sort)
    {
        var query = (Parameters with { Page = 1, Size = SearchParameters.DefaultSize, Sort = SearchSort.Relevance }).ToQueryString();
        return sort == FillerSort.Occurrences ? query : query + (query.Length == 0 ? "?" : "&") + "sort=" + SearchNames.Name(sort);
    }

    public string CsvUrl => "/fillers.csv" + StateQuery(Sort);

    public string JsonUrl => "/api/fillers" + StateQuery(Sort);

    public string SortUrl(FillerSort sort) => "/fillers" + StateQuery(sort);

    /// <summary>The search for one filler's matches, with the same filters.</summary>
    public string MatchesUrl(string query) => "/" + (Parameters with { Query = query, Page = 1 }).ToQueryString();

    public string SearchUrl => "/" + (Parameters with { Page = 1 }).ToQueryString();
}
