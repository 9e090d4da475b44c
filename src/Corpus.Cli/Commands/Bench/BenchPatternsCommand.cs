using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Corpus.Search;
using Corpus.Bench.Queries;
using Corpus.Search.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands.Bench;

/// <summary>
/// Single-thread latency of pattern queries after warm-up: the search page's request and the filler table, over
/// patterns made from the shared benchmark's phrase pairs (the two phrases joined by a gap, each split by a ?).
/// </summary>
internal static class BenchPatternsCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var index = CommonOptions.Index();
        var queries = new Option<FileInfo>("--queries")
        {
            Description = "Benchmark queries, `id TAB kind TAB phrase [TAB phrase]` per line (default: the repository's bench/queries.tsv)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("bench", "queries.tsv")),
        };
        var runs = new Option<int>("--runs") { Description = "Timed passes over the patterns", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON" };
        var command = new Command("patterns", "Pattern query latency p50/p95/p99: search page request and filler table")
        {
            index, queries, runs, json,
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
            var service = services.GetRequiredService<SearchService>();
            var patterns = Patterns(queryFile.FullName);
            (string Name, Action<SearchRequest> Run)[] modes =
            [
                ("page", r => service.Search(r)),
                ("fillers", r => service.Fillers(r, FillerSort.Occurrences, SearchService.DefaultFillerRows)),
            ];
            var requests = patterns.Select(p => new SearchRequest(p)).ToList();
            foreach (var (_, run) in modes)
            {
                requests.ForEach(run);
            }
            var passes = Math.Max(1, parse.GetValue(runs));
            var figures = modes.Select(mode =>
            {
                var perPass = Enumerable.Range(0, passes).Select(_ => Time(requests, mode.Run)).ToList();
                return new BenchmarkMode(
                    mode.Name, Median.Of(perPass.Select(p => p.P50)), Median.Of(perPass.Select(p => p.P95)),
                    Median.Of(perPass.Select(p => p.P99)), Median.Of(perPass.Select(p => p.PerSecond)), requests.Count);
            }).ToList();
            var report = new QueryBenchReport(
                service.Stats().Documents, passes, figures,
                Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, GC.GetTotalMemory(forceFullCollection: true) / 1e6);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, CorpusJson.Indented));
                return ExitCodes.Ok;
            }
            output.WriteLine($"{report.Documents} documents, {requests.Count} patterns (e.g. {patterns.FirstOrDefault()}), {report.Runs} runs (medians), single thread after warm-up");
            output.WriteLine("| mode | p50 ms | p95 ms | p99 ms | queries/s |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var mode in report.Modes)
            {
                output.WriteLine($"| {mode.Name} | {mode.P50Ms:F2} | {mode.P95Ms:F2} | {mode.P99Ms:F2} | {mode.QueriesPerSecond:F0} |");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Rows with two phrases become <c>a?c*d?f</c>: each phrase is split by a ?, which takes the middle character of a
    /// phrase of three or more (前疫情形 → 前疫?形) and goes between the two of a two-character one (方面 → 方?面).
    /// </summary>
    internal static List<string> Patterns(string path) =>
        [.. File.ReadLines(path).Select(l => l.Split('\t')).Where(f => f.Length >= 4 && f[2].Length > 0 && f[3].Length > 0)
            .Select(f => (Left: Split(f[2]), Right: Split(f[3])))
            .Select(p => p.Left + "*" + (char.IsAsciiDigit(p.Right[0]) ? "\\" : "") + p.Right)];

    private static string Split(string phrase)
    {
        var chars = phrase.Select(c => (c is '*' or '?' or '\\' ? "\\" : "") + c).ToList();
        if (chars.Count >= 3)
        {
            chars[chars.Count / 2] = "?";
        }
        else
        {
            chars.Insert(chars.Count / 2, "?");
        }
        return string.Concat(chars);
    }

    private static (double P50, double P95, double P99, double PerSecond) Time(List<SearchRequest> requests, Action<SearchRequest> run)
    {
        var times = new List<double>(requests.Count);
        var total = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            var clock = Stopwatch.StartNew();
            run(request);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return (At(0.50), At(0.95), At(0.99), times.Count / total.Elapsed.TotalSeconds);
    }
}
