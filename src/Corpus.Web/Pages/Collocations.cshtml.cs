using Corpus.Search;
using Corpus.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

public sealed class CollocationsModel(SearchService service, ILogger<CollocationsModel> logger) : PageModel
{
    public SearchParameters Filters { get; private set; } = SearchParameters.Empty;

    public CollocationRequest? Settings { get; private set; }

    public CollocationResult? Result { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        try
        {
            (Filters, var request) = ViewParameterParser.ParseCollocations(Request.Query, requireQuery: false);
            Settings = request;
            if (Filters.HasQuery)
            {
                Result = service.Collocations(request);
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

    public int Window => Settings?.Window ?? 5;

    public string ConcordanceUrl => "/concordance" + Filters.ToQueryString();

    /// <summary>The documents holding both the query and the collocate.</summary>
    public string SearchUrl(string word) => "/" + (Filters with { Query = $"{Filters.Query} {word}" }).ToQueryString();
}
