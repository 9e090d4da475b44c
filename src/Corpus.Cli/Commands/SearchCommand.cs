using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var query = new Argument<string>("query") { Description = "Query: 疫情防控, \"exact phrase\", a OR b, -exclude, title:标题" };
        var index = CommonOptions.Index();
        var filters = new FilterOptions();
        var sortNames = string.Join("|", SearchNames.Sorts.Select(s => s.Name));
        var sort = new Option<string?>("--" + SearchNames.Sort) { Description = "relevance, date (newest first) or date-asc", HelpName = sortNames };
        var page = new Option<int>("--" + SearchNames.Page) { Description = "Page, from 1", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--" + SearchNames.Size) { Description = "Hits per page (1-100)", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON" };
        var command = new Command("search", "Search the index") { query, index, sort, page, size, json };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            var request = filters.Request(parse, parse.GetRequiredValue(query)) with
            {
                Sort = SearchNames.ParseSort(parse.GetValue(sort)),
                Page = parse.GetValue(page),
                Size = parse.GetValue(size),
            };
            var result = service.Search(request);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, CorpusJson.Indented));
            }
            else
            {
                WriteText(output, result, request);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, SearchResult result, SearchRequest request)
    {
        var first = (request.Page - 1) * request.Size;
        output.WriteLine($"{result.Total} documents ({result.ElapsedMs:F1} ms); query: {string.Join(" | ", result.Segmentation)}");
        if (result.Hits.Count == 0 && result.Total > 0)
        {
            var lastPage = (result.Total + request.Size - 1) / request.Size;
            output.WriteLine($"page {request.Page} is past the last page ({lastPage})");
        }
        for (var i = 0; i < result.Hits.Count; i++)
        {
            var hit = result.Hits[i];
            output.WriteLine();
            output.WriteLine($"{first + i + 1}. {hit.Title}  [{hit.Id}]");
            output.WriteLine($"   {hit.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "日期不详"} · {hit.Venue ?? "地点不详"} · {hit.Kind} · {hit.Occurrences} 处");
            foreach (var snippet in hit.Snippets)
            {
                output.WriteLine($"   …{MarkToBrackets(snippet)}…");
            }
        }
    }

    /// <summary>A terminal shows the hits in 【】.</summary>
    private static string MarkToBrackets(Snippet snippet)
    {
        var text = new StringBuilder(snippet.Text.Length + snippet.Hits.Count * 2);
        var at = 0;
        foreach (var hit in snippet.Hits)
        {
            text.Append(snippet.Text, at, hit.Start - at).Append('【').Append(snippet.Text, hit.Start, hit.Length).Append('】');
            at = hit.Start + hit.Length;
        }
        return text.Append(snippet.Text, at, snippet.Text.Length - at).ToString();
    }
}
