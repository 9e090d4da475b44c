using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Corpus.Ingest;
using Corpus.Bench.Evaluation;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands.Bench;

/// <summary>
/// Ingest stage alone (read → normalize → split → dedupe) and ingest + index end to end, in MB/s of raw text,
/// medians over runs; accuracy against a generated corpus's truth.jsonl; index size; peak memory.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of raw text files (e.g. gen_corpus.py's raw/)", Required = true };
        var truth = new Option<FileInfo?>("--truth") { Description = "gen_corpus.py's truth.jsonl: report split, date and duplicate-pair accuracy" };
        var index = new Option<DirectoryInfo>("--index") { Description = "Index folder to build (emptied first)", Required = true };
        var runs = new Option<int>("--runs") { Description = "Runs of each phase", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON" };
        var command = new Command("ingest", "Ingest and indexing throughput, accuracy, index size, peak memory") { corpus, truth, index, runs, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var corpusDir = parse.GetRequiredValue(corpus);
            var indexDir = parse.GetRequiredValue(index);
            var truthFile = parse.GetValue(truth);
            if (!corpusDir.Exists || truthFile is { Exists: false })
            {
                error.WriteLine($"error: {(corpusDir.Exists ? truthFile!.FullName : corpusDir.FullName)}: not found");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var count = Math.Max(1, parse.GetValue(runs));
            var pipeline = new IngestPipeline(loggerFactory.CreateLogger<IngestPipeline>());

            var ingestRates = new List<double>();
            Corpus.Ingest.Model.IngestResult? last = null;
            for (var i = 0; i < count; i++)
            {
                var clock = Stopwatch.StartNew();
                last = pipeline.Run(corpusDir.FullName, cancellationToken: cancellationToken);
                ingestRates.Add(last.Bytes / 1e6 / clock.Elapsed.TotalSeconds);
                error.WriteLine($"ingest run {i + 1}: {ingestRates[^1]:F1} MB/s");
            }
            var accuracy = truthFile is null ? null : TruthEvaluator.Evaluate(last!, truthFile.FullName);
            last = null;

            var indexRates = new List<double>();
            long indexBytes = 0;
            for (var i = 0; i < count; i++)
            {
                // Every run builds from nothing (DirectoryInfo.Exists would answer from its first look).
                if (Directory.Exists(indexDir.FullName))
                {
                    Directory.Delete(indexDir.FullName, recursive: true);
                }
                var clock = Stopwatch.StartNew();
                using (var services = CommonOptions.Services(indexDir, loggerFactory))
                {
                    var result = services.GetRequiredService<CorpusIndexer>().EnsureCurrent(corpusDir.FullName, cancellationToken: cancellationToken)!;
                    indexRates.Add(result.Bytes / 1e6 / clock.Elapsed.TotalSeconds);
                }
                indexBytes = Directory.EnumerateFiles(indexDir.FullName, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                error.WriteLine($"ingest + index run {i + 1}: {indexRates[^1]:F1} MB/s");
            }

            var report = new IngestBenchReport(
                count, Median.Of(ingestRates), Median.Of(indexRates), indexBytes / 1e6,
                Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, accuracy);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, CorpusJson.Indented));
                return Task.FromResult(ExitCodes.Ok);
            }
            output.WriteLine($"runs:                      {report.Runs} (medians)");
            output.WriteLine($"ingest stage:              {report.IngestMbPerSecond:F1} MB/s");
            output.WriteLine($"ingest + index end to end: {report.IndexMbPerSecond:F1} MB/s");
            output.WriteLine($"index size:                {report.IndexSizeMb:F0} MB");
            output.WriteLine($"peak working set:          {report.PeakWorkingSetMb:F0} MB");
            if (accuracy is not null)
            {
                output.WriteLine($"truth: {accuracy.TruthArticles} articles, {accuracy.Documents} documents");
                output.WriteLine($"split {accuracy.SplitAccuracy:P2}, date {accuracy.DateAccuracy:P2} (exact year {accuracy.DateExactAccuracy:P2}, undated {accuracy.UndatedShare:P2}), " +
                    $"venue {accuracy.VenueAccuracy:P2}, kind {accuracy.KindAccuracy:P2}, title {accuracy.TitleAccuracy:P2}");
                output.WriteLine($"duplicate pairs: precision {accuracy.DuplicatePairPrecision:P2}, recall {accuracy.DuplicatePairRecall:P2} " +
                    $"({accuracy.ResultDuplicatePairs} found, {accuracy.TruthDuplicatePairs} true)");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
