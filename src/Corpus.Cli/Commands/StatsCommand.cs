using System.CommandLine;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var index = CommonOptions.Index();
        var json = new Option<bool>("--json") { Description = "Write the statistics as JSON" };
        var command = new Command("stats", "Documents, characters, date range, counts by venue, kind and year, duplicates merged") { index, json };
        command.SetAction(parse => CommonOptions.OnIndex(parse, index, loggerFactory, (service, output) =>
        {
            var stats = service.Stats();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(stats, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            output.WriteLine($"documents:         {stats.Documents}");
            output.WriteLine($"characters:        {stats.Characters}");
            output.WriteLine($"dates:             {stats.From:yyyy-MM-dd} – {stats.To:yyyy-MM-dd}");
            output.WriteLine($"files:             {stats.Files} ({stats.Skipped.Count} skipped)");
            output.WriteLine($"duplicates merged: {stats.DuplicatesMerged}");
            WriteCounts(output, "venue", stats.Venue);
            WriteCounts(output, "kind", stats.Kind);
            WriteCounts(output, "year", stats.Year);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteCounts(TextWriter output, string name, IReadOnlyDictionary<string, int> counts)
    {
        output.WriteLine($"{name}:");
        foreach (var (value, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {value,-12} {count,7}");
        }
    }
}
