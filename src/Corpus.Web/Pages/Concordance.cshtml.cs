using Corpus.Search;
using Corpus.Web.Requests;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Corpus.Web.Pages;

[EnableRateLimiting(RateLimitingSetup.ClientPolicy)]
[ConcordanceCost]
public sealed class ConcordanceModel(SearchService service, ILogger<ConcordanceModel> logger) : PageModel
{
    /// <summary>Group rows shown; the API returns them all.</summary>
    public const int GroupsShown = 200;

    public ConcordanceParameters Parameters { get; private set; } = ConcordanceParameters.Empty;

    public ConcordancePage? Result { get; private set; }

    public ConcordanceGroups? Groups { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        try
        {
            Parameters = ViewParameterParser.ParseConcordance(Request.Query, requireQuery: false);
            if (Parameters.Filters.HasQuery)
            {
                Result = service.Concordance(Parameters.ToRequest());
                if (Parameters.Group is { } by)
                {
                    Groups = service.ConcordanceGroups(Parameters.ToRequest(), by);
                }
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

    public string Link(ConcordanceParameters parameters, bool withCursor = false) => "/concordance" + parameters.ToQueryString(withCursor);

    public string? NextUrl => Result?.Next is { } next ? Link(Parameters with { After = next }, withCursor: true) : null;

    public string FirstUrl => Link(Parameters with { After = null });

    public string CsvUrl => "/concordance.csv" + (Parameters with { Group = null }).ToQueryString();

    public string SearchUrl => "/" + Parameters.Filters.ToQueryString();

    public string CollocationsUrl => "/collocations" + Parameters.Filters.ToQueryString();

    public string DocumentUrl(string id) => $"/documents/{Uri.EscapeDataString(id)}{Parameters.Filters.ToQueryString()}";

    /// <summary>The concordance narrowed to one group where the filters can express it (a venue, a year, a month).</summary>
    public string? GroupUrl(ConcordanceGroup group)
    {
        if (Parameters.Group is not { } by || (group.Key is null && by != ConcordanceGrouping.Venue))
        {
            return null;
        }
        // Occurrences without a venue narrow to the 不详 bucket.
        var key = group.Key ?? FacetCounts.Unknown;
        var filters = Parameters.Filters;
        filters = by switch
        {
            ConcordanceGrouping.Venue => filters with { Venues = [key] },
            ConcordanceGrouping.Year or ConcordanceGrouping.Month => filters with { From = key, To = key },
            _ => filters,
        };
        return by is ConcordanceGrouping.LeftWord or ConcordanceGrouping.RightWord
            ? null
            : "/concordance" + (Parameters with { Filters = filters, Group = null, After = null }).ToQueryString();
    }
}
