using System.CommandLine;
using System.Text.Json;
using Corpus.Bench.Queries;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands.Bench;

/// <summary>`corpus bench views`: issue 12's research-view latencies (<see cref="ResearchViewsBenchmark"/>).</summary>
internal static class BenchViewsCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var index = CommonOptions.Index();
        var queries = new Option<FileInfo>("--queries")
        {
            Description = "Benchmark queries, `id TAB kind TAB text` per line (default: the repository's bench/queries.tsv)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("bench", "queries.tsv")),
        };
        var runs = new Option<int>("--runs") { Description = "Timed passes over the queries", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON" };
        var only = new Option<string[]>("--mode")
        {
            Description = $"Run only these modes (repeatable): {string.Join(", ", ResearchViewsBenchmark.ModeNames)}",
            AllowMultipleArgumentsPerToken = true,
        };
        only.AcceptOnlyFromAmong([.. ResearchViewsBenchmark.ModeNames]);
        var command = new Command("views", "Research view latency p50/p95/p99: timeline, concordance pages at depth, collocations")
        {
            index, queries, runs, json, only,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var queryFile = parse.GetRequiredValue(queries);
            if (!queryFile.Exists)
            {
                error.WriteLine($"error: {queryFile.FullName}: no such file");
                return ExitCodes.BadInput;
            }
            using var services = CommonOptions.OpenExisting(parse.GetRequiredValue(index), error, loggerFactory);
            if (services is null)
            {
                return ExitCodes.BadInput;
            }
            var corpusIndex = services.GetRequiredService<CorpusIndex>();
            // A new service per cold request: an empty concordance sort cache over the same index.
            var modes = new ResearchViewsBenchmark(() => new SearchService(corpusIndex), SearchBenchmark.ReadQueries(queryFile.FullName))
            {
                // Each mode's setup and timed seconds and slowest query, as it ends: a long run shows where it is.
                Progress = error,
                Only = parse.GetValue(only) ?? [],
            }.Run(Math.Max(1, parse.GetValue(runs)));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(modes, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            output.WriteLine("| mode | queries | p50 ms | p95 ms | p99 ms | per s |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var mode in modes)
            {
                output.WriteLine($"| {mode.Name} | {mode.Queries} | {mode.P50Ms:F2} | {mode.P95Ms:F2} | {mode.P99Ms:F2} | {mode.QueriesPerSecond:F1} |");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
