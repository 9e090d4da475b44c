using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli.Commands.Bench;

/// <summary>`corpus bench`: the documented benchmark entry point; each phase runs in its own process so memory figures are its own.</summary>
internal static class BenchCommand
{
    public static Command Create(ILoggerFactory loggerFactory) =>
        new("bench", "Measure ingest and indexing throughput, index size, query latency and memory (medians over runs)")
        {
            BenchIngestCommand.Create(loggerFactory),
            BenchQueryCommand.Create(loggerFactory),
            BenchPatternsCommand.Create(loggerFactory),
            BenchViewsCommand.Create(loggerFactory),
        };
}
