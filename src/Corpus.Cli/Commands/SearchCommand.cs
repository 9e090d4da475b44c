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
        var sort = new Option<SearchSort>("--sort") { Description = "relevance, date (newest first) or date-asc", HelpName = "relevance|date|date-asc", CustomParser = ParseSort };
        var page = new Option<int>("--page") { Description = "Page, from 1", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Hits per page (1-100)", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON" };
        var command = new Command("search", "Search the index") { query, index, sort, page, size, json };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var indexDir = parse.GetRequiredValue(index);
            using var corpusIndex = CommonOptions.OpenExisting(indexDir, error, loggerFactory);
            if (corpusIndex is null)
            {
                return ExitCodes.BadInput;
            }
            try
            {
                var request = filters.Request(parse, parse.GetRequiredValue(query)) with
                {
                    Sort = parse.GetValue(sort),
                    Page = parse.GetValue(page),
                    Size = parse.GetValue(size),
                };
                var result = new SearchService(corpusIndex).Search(request);
                if (parse.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(result, CorpusJson.Indented));
                }
                else
                {
                    WriteText(output, result, request);
                }
                return ExitCodes.Ok;
            }
            catch (QueryException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadQuery;
            }
        });
        return command;
    }

    private static SearchSort ParseSort(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "relevance" : result.Tokens[0].Value;
        switch (text)
        {
            case "relevance": return SearchSort.Relevance;
            case "date": return SearchSort.Date;
            case "date-asc": return SearchSort.DateAsc;
            default:
                result.AddError($"unknown sort '{text}': use relevance, date or date-asc");
                return SearchSort.Relevance;
        }
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
