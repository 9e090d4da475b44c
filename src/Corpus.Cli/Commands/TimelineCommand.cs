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
        var unit = new Option<string>("--unit") { Description = "Period: auto, day, week, month or year", DefaultValueFactory = _ => "auto" };
        var from = new Option<string?>("--from") { Description = "Earliest date: yyyy, yyyy-MM or yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Latest date: yyyy, yyyy-MM or yyyy-MM-dd" };
        var venue = new Option<string[]>("--venue") { Description = "Venue (repeatable: any of them)" };
        var kind = new Option<string[]>("--kind") { Description = "Kind: 讲话, 考察, 会议, 回信, 报道 (repeatable)" };
        var json = new Option<bool>("--json") { Description = "Write the timeline as JSON (the same as /api/timeline)" };
        var command = new Command("timeline", "Documents and occurrences of each query per day, week, month or year")
        {
            queries, index, unit, from, to, venue, kind, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var corpusIndex = CommonOptions.OpenExisting(parse.GetRequiredValue(index), error, loggerFactory);
            if (corpusIndex is null)
            {
                return ExitCodes.BadInput;
            }
            try
            {
                var request = new TimelineRequest(
                    parse.GetRequiredValue(queries),
                    parse.GetValue(from) is { } f ? DateBound.Parse(f, upper: false) : null,
                    parse.GetValue(to) is { } t ? DateBound.Parse(t, upper: true) : null,
                    parse.GetValue(venue) ?? [],
                    parse.GetValue(kind) ?? [],
                    TimelineUnits.Parse(parse.GetValue(unit)));
                var result = new SearchService(corpusIndex).Timeline(request);
                if (parse.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(result, CorpusJson.Indented));
                }
                else
                {
                    WriteText(output, result);
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
