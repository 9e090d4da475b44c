using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

/// <summary>`corpus timeline`: documents, occurrences and characters per period, the JSON the same as /api/timeline.</summary>
internal static class TimelineCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var queries = new Argument<string[]>("query") { Description = "One to four queries, one series each", Arity = new ArgumentArity(1, SearchService.MaxTimelineQueries) };
        var index = CommonOptions.Index();
        var unit = new Option<string>("--unit") { Description = $"Period: {string.Join(", ", TimelineUnits.Names)}", DefaultValueFactory = _ => TimelineUnits.Names[0] };
        var json = new Option<bool>("--json") { Description = "Write the timeline as JSON (the same as /api/timeline)" };
        var filters = new FilterOptions();
        var command = new Command("timeline", "Documents and occurrences of each query per day, week, month or year")
        {
            queries, index, unit, json,
        };
        filters.AddTo(command);
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            var scope = filters.Request(parse, "");
            var request = new TimelineRequest(
                parse.GetRequiredValue(queries), scope.From, scope.To, scope.Venues, scope.Kinds, TimelineUnits.Parse(parse.GetValue(unit)));
            var result = service.Timeline(request);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, CorpusJson.Indented));
            }
            else
            {
                WriteText(output, result);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, TimelineResult result)
    {
        output.WriteLine($"unit: {TimelineUnits.Format(result.Unit)}");
        foreach (var series in result.Series)
        {
            output.WriteLine();
            output.WriteLine(series.Query);
            output.WriteLine("start\tdocuments\toccurrences\tcharacters\tper million");
            foreach (var bucket in series.Buckets)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{bucket.Start:yyyy-MM-dd}\t{bucket.Documents}\t{bucket.Occurrences}\t{bucket.Characters}\t{bucket.OccurrencesPerMillion():0.##}"));
            }
        }
    }
}
