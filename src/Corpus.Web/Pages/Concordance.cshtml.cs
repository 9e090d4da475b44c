using Corpus.Search;
using Corpus.Web.Api;
using Corpus.Web.Requests;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Corpus.Web.Pages;

[EnableRateLimiting(RateLimitingSetup.ClientPolicy)]
[ConcordanceCost]
public sealed class ConcordanceModel(SearchService service, IOptions<ConcordanceOptions> options, ILogger<ConcordanceModel> logger)
    : PageModel
{
    /// <summary>Lines shown on the page; the CSV carries up to <see cref="DownloadLimit"/>.</summary>
    public const int PageLimit = 1000;

    public int DownloadLimit => options.Value.DownloadLimit;

    public SearchParameters Parameters { get; private set; } = SearchParameters.Empty;

    public ConcordanceSort Sort { get; private set; }

    public ConcordanceResult? Result { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        try
        {
            (Parameters, Sort) = SearchParameterParser.ParseConcordance(Request.Query, requireQuery: false);
            if (Parameters.HasQuery)
            {
                Result = service.Concordance(Parameters.ToRequest(), Sort, limit: PageLimit);
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

    /// <summary>Same state as the page, with the concordance sort added when it is not the default.</summary>
    public string StateQuery(SearchParameters parameters, ConcordanceSort sort)
    {
        var query = parameters.ToQueryString();
        if (sort == ConcordanceSort.Document)
        {
            return query;
        }
        return query + (query.Length == 0 ? "?" : "&") + "sort=" + SortNames.Format(sort);
    }

    public string CsvUrl => "/concordance.csv" + StateQuery(Parameters, Sort);

    public string SearchUrl => "/" + Parameters.ToQueryString();

    public string DocumentUrl(string id) => $"/documents/{Uri.EscapeDataString(id)}{Parameters.ToQueryString()}";
}
