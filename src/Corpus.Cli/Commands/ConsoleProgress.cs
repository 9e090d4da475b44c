using System.Diagnostics;
using Corpus.Ingest.Model;

namespace Corpus.Cli.Commands;

/// <summary>One progress line at most every half second, so long ingests show files/s without flooding the terminal.</summary>
internal sealed class ConsoleProgress(TextWriter error, Stopwatch clock) : IProgress<IngestProgress>
{
    private readonly Lock gate = new();
    private TimeSpan? lastReport;

    public void Report(IngestProgress value)
    {
        lock (gate)
        {
            var now = clock.Elapsed;
            if (now - lastReport < TimeSpan.FromMilliseconds(500) && value.FilesDone < value.FilesTotal)
            {
                return;
            }
            lastReport = now;
            var seconds = Math.Max(now.TotalSeconds, 0.001);
            error.WriteLine(value.CountsDocuments
                ? $"{value.Stage}: {value.FilesDone}/{value.FilesTotal} documents"
                : $"{value.Stage}: {value.FilesDone}/{value.FilesTotal} files, {value.Articles} articles, " +
                  $"{value.FilesDone / seconds:F0} files/s, {value.BytesDone / 1e6 / seconds:F1} MB/s");
        }
    }
}
