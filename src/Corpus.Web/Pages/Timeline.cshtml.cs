using Corpus.Search;
using Corpus.Web.Rendering;
using Corpus.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

public sealed class TimelineModel(SearchService service, ILogger<TimelineModel> logger) : PageModel
{
    public TimelineParameters Parameters { get; private set; } = TimelineParameters.Empty;

    public TimelineMeasure Measure { get; private set; }

    public TimelineResult? Result { get; private set; }

    public TimelineChart? Chart { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        try
        {
            Measure = ParseMeasure(Request.Query["measure"].FirstOrDefault());
            Parameters = SearchParameterParser.ParseTimeline(Request.Query, requireQuery: false);
            if (Parameters.Queries.Count > 0)
            {
                Result = service.Timeline(Parameters.ToRequest());
                Chart = TimelineChart.Build(Result, Measure);
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

    public static IReadOnlyList<(string Name, TimelineMeasure Measure, string Label)> Measures { get; } =
    [
        ("per-million", TimelineMeasure.PerMillion, "每百万字出现次数"),
        ("occurrences", TimelineMeasure.Occurrences, "出现次数"),
        ("documents", TimelineMeasure.Documents, "文档数"),
    ];

    public string MeasureLabel => Measures.First(m => m.Measure == Measure).Label;

    /// <summary>The search narrowed to one period (and one query of the comparison).</summary>
    public string SearchUrl(string query, DateOnly start)
    {
        var (from, to) = TimelineChart.PeriodFilter(Result!.Unit, start);
        return "/" + (Parameters.Filters with { Query = query, From = from, To = to, Page = 1 }).ToQueryString();
    }

    public string ApiUrl(bool csv) => "/api/timeline" + Parameters.ToQueryString(Parameters.Unit) + (csv ? "&format=csv" : "");

    private static TimelineMeasure ParseMeasure(string? text) =>
        string.IsNullOrEmpty(text) ? TimelineMeasure.PerMillion
        : Measures.FirstOrDefault(m => m.Name == text) is { Name: not null } found ? found.Measure
        : throw new QueryException($"未知的统计方式“{UserText.Shorten(text)}”：可用 per-million、occurrences 或 documents。");
}
