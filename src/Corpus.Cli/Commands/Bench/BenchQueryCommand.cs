using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Corpus.Search;
using Corpus.Bench.Queries;
using Corpus.Search.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands.Bench;

/// <summary>Single-thread query latency per mode over the shared benchmark queries, after warm-up; medians over runs.</summary>
internal static class BenchQueryCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var index = CommonOptions.Index();
        var queries = new Option<FileInfo>("--queries")
        {
            Description = "Benchmark queries, `id TAB kind TAB text` per line (default: the repository's bench/queries.tsv)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("bench", "queries.tsv")),
        };
        var runs = new Option<int>("--runs") { Description = "Timed passes over the queries", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON" };
        var parts = new Option<int>("--parts")
        {
            Description = "Threads one search uses (default: one per core; 1: one core, the reference for throughput under load)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("query", "Query latency p50/p95/p99: search only, snippets, date filter, facets, occurrences, all together, timeline (the research views: corpus bench views)")
        {
            index, queries, runs, json, parts,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var indexDir = parse.GetRequiredValue(index);
            var queryFile = parse.GetRequiredValue(queries);
            if (!queryFile.Exists)
            {
                error.WriteLine($"error: {queryFile.FullName}: no such file");
                return ExitCodes.BadInput;
            }
            using var services = CommonOptions.OpenExisting(indexDir, error, loggerFactory);
            if (services is null)
            {
                return ExitCodes.BadInput;
            }
            services.GetRequiredService<CorpusIndex>().SearchParts = Math.Max(1, parse.GetValue(parts));
            var service = services.GetRequiredService<SearchService>();
            var benchmark = new SearchBenchmark(service, SearchBenchmark.ReadQueries(queryFile.FullName));
            benchmark.Run(warmupRuns: 2, runs: 0);
            // One percentile per pass, then the median over passes: one noisy pass cannot move the figure much.
            var passes = Enumerable.Range(0, Math.Max(1, parse.GetValue(runs)))
                .Select(_ => benchmark.Run(warmupRuns: 0, runs: 1))
                .ToList();
            var modes = passes[0].Select((mode, i) => new BenchmarkMode(
                    mode.Name,
                    Median.Of(passes.Select(p => p[i].P50Ms)),
                    Median.Of(passes.Select(p => p[i].P95Ms)),
                    Median.Of(passes.Select(p => p[i].P99Ms)),
                    Median.Of(passes.Select(p => p[i].QueriesPerSecond)),
                    mode.Queries))
                .ToList();
            var process = Process.GetCurrentProcess();
            var report = new QueryBenchReport(
                service.Stats().Documents, passes.Count, modes,
                process.PeakWorkingSet64 / 1e6, GC.GetTotalMemory(forceFullCollection: true) / 1e6);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            output.WriteLine($"{report.Documents} documents, {report.Runs} runs (medians), single thread after warm-up");
            output.WriteLine("| mode | p50 ms | p95 ms | p99 ms | queries/s |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var mode in report.Modes)
            {
                output.WriteLine($"| {mode.Name} | {mode.P50Ms:F2} | {mode.P95Ms:F2} | {mode.P99Ms:F2} | {mode.QueriesPerSecond:F0} |");
            }
            output.WriteLine($"peak working set serving: {report.PeakWorkingSetMb:F0} MB; managed heap after: {report.ManagedHeapMb:F0} MB");
            return ExitCodes.Ok;
        });
        return command;
    }
}
