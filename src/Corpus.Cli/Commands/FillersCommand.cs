using System.CommandLine;
using System.Text;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Fillers;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

/// <summary>`corpus fillers`: what fills a pattern's slots, the JSON the same as /api/fillers, the CSV as /fillers.csv.</summary>
internal static class FillersCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var query = new Argument<string>("pattern") { Description = "A query holding a pattern with a slot: 坚持*不动摇, 越?越 (with phrases, OR, - as in search)" };
        var index = CommonOptions.Index();
        var sort = new Option<string>("--sort") { Description = "Row order: occurrences, documents or filler", DefaultValueFactory = _ => "occurrences" };
        var limit = new Option<int?>("--limit")
        {
            Description = $"Most rows (1-{SearchService.MaxFillerRows}); by default {SearchService.DefaultFillerRows}, with --csv all up to {SearchService.MaxFillerRows}",
        };
        var json = new Option<bool>("--json") { Description = "Write the table as JSON (the same as /api/fillers)" };
        var csv = new Option<bool>("--csv") { Description = "Write the table as CSV (the same as /fillers.csv)" };
        var filters = new FilterOptions();
        var command = new Command("fillers", "The distinct fillers of a pattern's slots with their occurrences and documents") { query, index, sort, limit, json, csv };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            var asCsv = parse.GetValue(csv);
            var rows = parse.GetValue(limit) ?? (asCsv ? SearchService.MaxFillerRows : SearchService.DefaultFillerRows);
            var table = service.Fillers(filters.Request(parse, parse.GetRequiredValue(query)), SearchNames.ParseFillerSort(parse.GetValue(sort)), rows);
            if (asCsv)
            {
                output.Write(Encoding.UTF8.GetString(FillerCsv.Write(table)));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(table, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            var cut = table.Truncated ? $" (the first {table.Rows.Count} listed)" : "";
            output.WriteLine($"{table.Pattern}: {table.Documents} documents, {table.Occurrences} occurrences, {table.Distinct} distinct fillers{cut}");
            output.WriteLine("filler\toccurrences\tdocuments\tmatch");
            foreach (var row in table.Rows)
            {
                output.WriteLine($"{row.Filler}\t{row.Occurrences}\t{row.Documents}\t{row.Match}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
