using Corpus.Search;
using Corpus.Web.Requests;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Corpus.Web.Pages;

[EnableRateLimiting(RateLimitingSetup.ClientPolicy)]
public sealed class DocumentModel(SearchService service, ILogger<DocumentModel> logger) : PageModel
{
    public DocumentView? View { get; private set; }

    /// <summary>The search this document was opened from, for the link back (all of it lives in the URL).</summary>
    public SearchParameters Search { get; private set; } = SearchParameters.Empty;

    public string? Error { get; private set; }

    public IActionResult OnGet(string id)
    {
        try
        {
            Search = SearchParameterParser.Parse(Request.Query, requireQuery: false);
            View = service.GetDocument(id, Search.HasQuery ? Search.Query : null);
        }
        catch (QueryException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SearchLog.Rejected(logger, Request.Path, Request.QueryString.Value ?? "", e.Message);
            return Page();
        }
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public string BackUrl => "/" + Search.ToQueryString();
}
