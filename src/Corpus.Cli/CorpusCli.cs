using System.CommandLine;
using Corpus.Cli.Commands;
using Corpus.Cli.Commands.Bench;
using Microsoft.Extensions.Logging;

namespace Corpus.Cli;

/// <summary>The `corpus` command tree; built from a logger factory so tests can invoke it in-process.</summary>
public static class CorpusCli
{
    public static RootCommand Create(ILoggerFactory loggerFactory) =>
        new("Corpus: ingest, search and inspect a corpus of Chinese speeches and reports.")
        {
            IngestCommand.Create(loggerFactory),
            ExportCommand.Create(loggerFactory),
            SearchCommand.Create(loggerFactory),
            TimelineCommand.Create(loggerFactory),
            FillersCommand.Create(loggerFactory),
            StatsCommand.Create(loggerFactory),
            CollocationsCommand.Create(loggerFactory),
            FrequenciesCommand.Create(loggerFactory),
            BenchCommand.Create(loggerFactory),
        };
}
