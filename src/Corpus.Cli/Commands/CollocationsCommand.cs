using System.CommandLine;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

/// <summary>`corpus collocations`: the words around a query's occurrences by logDice, as /api/collocations.</summary>
internal static class CollocationsCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var query = new Argument<string>("query") { Description = "Query whose occurrences are the node: 疫情防控, \"a b\", a OR b" };
        var index = CommonOptions.Index();
        var window = new Option<int>("--window") { Description = $"Words on each side (1-{CollocationRequest.MaxWindow})", DefaultValueFactory = _ => 5 };
        var min = new Option<int>("--min") { Description = "Least co-occurrences a collocate needs", DefaultValueFactory = _ => 2 };
        var limit = new Option<int>("--limit") { Description = $"Most collocates listed (1-{CollocationRequest.MaxLimit})", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON (the same as /api/collocations)" };
        var filters = new FilterOptions();
        var command = new Command("collocations", "Collocates of a query: logDice, MI and counts within a window of words") { query, index, window, min, limit, json };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            var request = new CollocationRequest(
                filters.Request(parse, parse.GetRequiredValue(query)), parse.GetValue(window), parse.GetValue(min), parse.GetValue(limit));
            var result = service.Collocations(request);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            var sampled = result.Counted < result.Occurrences ? $", {result.Counted} counted (evenly spaced sample)" : "";
            output.WriteLine($"{result.Occurrences} occurrences{sampled}; window ±{result.Window} words; {result.Tokens} words in the sub-corpus");
            output.WriteLine("word\tcount\tfrequency\tlogDice\tMI");
            foreach (var c in result.Collocates)
            {
                output.WriteLine($"{c.Word}\t{c.Count}\t{c.Frequency}\t{c.LogDice:F2}\t{c.Mi:F2}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
