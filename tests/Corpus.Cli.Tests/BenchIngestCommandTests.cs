using System.Text.Json;

namespace Corpus.Cli.Tests;

public sealed class BenchIngestCommandTests
{
    [Fact]
    public void Bench_ingest_measures_a_generated_corpus_against_its_truth()
    {
        var generated = Path.Combine(CliRunner.RepositoryRoot(), "tests", "data", "gen-300");
        var index = Directory.CreateTempSubdirectory("corpus-bench-index-").FullName;
        try
        {
            var run = CliRunner.Run(
                "bench", "ingest", "--corpus", Path.Combine(generated, "raw"), "--truth", Path.Combine(generated, "truth.jsonl"),
                "--index", index, "--runs", "2", "--json");
            Assert.Equal(0, run.ExitCode);
            using var report = JsonDocument.Parse(run.Output);
            var root = report.RootElement;
            Assert.True(root.GetProperty("ingestMbPerSecond").GetDouble() > 0);
            Assert.True(root.GetProperty("indexSizeMb").GetDouble() > 0);
            var accuracy = root.GetProperty("accuracy");
            Assert.Equal(File.ReadLines(Path.Combine(generated, "truth.jsonl")).Count(), accuracy.GetProperty("truthArticles").GetInt32());
            Assert.True(accuracy.GetProperty("duplicatePairRecall").GetDouble() >= 0.99);
            Assert.True(accuracy.GetProperty("splitAccuracy").GetDouble() >= 0.99);
        }
        finally
        {
            Directory.Delete(index, recursive: true);
        }
    }
}
