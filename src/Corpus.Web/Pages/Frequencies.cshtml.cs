using Corpus.Search;
using Corpus.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

public sealed class FrequenciesModel(SearchService service, ILogger<FrequenciesModel> logger) : PageModel
{
    public SearchParameters Filters { get; private set; } = SearchParameters.Empty;

    public bool Compare { get; private set; }

    public FrequencyResult? Result { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        try
        {
            (Filters, var request) = ViewParameterParser.ParseFrequencies(Request.Query);
            Compare = request.Compare;
            Result = service.Frequencies(request);
        }
        catch (QueryException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SearchLog.Rejected(logger, Request.Path, Request.QueryString.Value ?? "", e.Message);
        }
        return Page();
    }

    public string ConcordanceUrl(string word) => "/concordance" + (Filters with { Query = word }).ToQueryString();
}
