using System.CommandLine;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

/// <summary>`corpus frequencies`: the word frequency list of a sub-corpus and its keywords, as /api/frequencies.</summary>
internal static class FrequenciesCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var index = CommonOptions.Index();
        var query = new Option<string>("--query") { Description = "Only documents matching this query", DefaultValueFactory = _ => "" };
        var compare = new Option<bool>("--compare") { Description = "Also list keywords against the whole corpus (log-likelihood)" };
        var limit = new Option<int>("--limit") { Description = $"Most words listed (1-{FrequencyRequest.MaxLimit})", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON (the same as /api/frequencies)" };
        var filters = new FilterOptions();
        var command = new Command("frequencies", "Word frequency list of the documents the filters select, and their keywords") { index, query, compare, limit, json };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            var request = new FrequencyRequest(filters.Request(parse, parse.GetValue(query) ?? ""), parse.GetValue(compare), parse.GetValue(limit));
            var result = service.Frequencies(request);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            output.WriteLine($"{result.Documents} documents, {result.Tokens} words, {result.Types} distinct (corpus: {result.CorpusTokens} words)");
            output.WriteLine("word\tcount\tper million");
            foreach (var w in result.Words)
            {
                output.WriteLine($"{w.Word}\t{w.Count}\t{w.PerMillion:F0}");
            }
            if (result.Keywords is { } keywords)
            {
                output.WriteLine();
                output.WriteLine("keyword\tcount\tcorpus\tG2");
                foreach (var k in keywords)
                {
                    output.WriteLine($"{k.Word}\t{k.Count}\t{k.Reference}\t{k.LogLikelihood:F1}");
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
