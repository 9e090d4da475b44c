using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Corpus.Ingest;
using Corpus.Ingest.Model;
using Corpus.Search;
using Corpus.Search.Indexing;
using Corpus.Search.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create(ILoggerFactory loggerFactory)
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of raw text files", Required = true };
        var index = CommonOptions.Index();
        var report = new Option<FileInfo?>("--report") { Description = "Write a JSON report of documents and skipped files here" };
        var command = new Command("ingest", "Read, clean, split and deduplicate the raw corpus, then index it") { corpus, index, report };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var corpusDir = parse.GetRequiredValue(corpus);
            if (!corpusDir.Exists)
            {
                error.WriteLine($"error: {corpusDir.FullName}: no such folder");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var indexDir = parse.GetRequiredValue(index);
            var clock = Stopwatch.StartNew();
            using var services = CommonOptions.Services(indexDir, loggerFactory);
            var corpusIndex = services.GetRequiredService<CorpusIndex>();
            var indexer = services.GetRequiredService<CorpusIndexer>();
            if (corpusIndex.Verify() is { Condition: IndexCondition.Damaged } check)
            {
                error.WriteLine($"warning: {indexDir.FullName}: the index is damaged ({check.Problem}); rebuilding it");
            }
            IngestResult? result;
            try
            {
                result = indexer.EnsureCurrent(corpusDir.FullName, new ConsoleProgress(error, clock), cancellationToken);
            }
            catch (IndexBusyException busy)
            {
                error.WriteLine($"error: {busy.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            var service = services.GetRequiredService<SearchService>();
            var stats = service.Stats();
            foreach (var skipped in stats.Skipped)
            {
                error.WriteLine($"skipped: {skipped.File}: {skipped.Reason}");
            }
            output.WriteLine(result is null
                ? $"Index is current: {stats.Documents} documents from {stats.Files} files ({clock.Elapsed.TotalSeconds:F1} s)"
                : $"Read {result.Files} files ({result.Bytes / 1e6:F1} MB): {result.Files - result.Skipped.Count} ingested, " +
                  $"{result.Skipped.Count} skipped; {stats.Documents} documents, {result.DuplicatesMerged} duplicates merged, in {clock.Elapsed.TotalSeconds:F1} s " +
                  $"({result.Bytes / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s)");
            if (result is not null)
            {
                WarnOfLoss(result, error);
            }
            if (parse.GetValue(report) is { } reportFile)
            {
                using var stream = reportFile.Create();
                JsonSerializer.Serialize(stream, IngestReport.From(stats, service.AllDocuments(), result), CorpusJson.Indented);
                output.WriteLine($"Report: {reportFile.FullName}");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void WarnOfLoss(IngestResult result, TextWriter error)
    {
        if (result.DroppedShare > IngestPipeline.DroppedShareWarning)
        {
            error.WriteLine($"warning: {result.DroppedShare:P1} of the decoded text was dropped (" +
                string.Join(", ", result.DroppedCharacters().Select(r => $"{r.Key}: {r.Value} characters")) + "); --report lists it by reason");
        }
        foreach (var lost in result.Unaccounted.GroupBy(u => u.File))
        {
            error.WriteLine($"warning: {lost.Key}: {lost.Count()} sentences are in no document and were not recorded as dropped");
        }
    }
}
