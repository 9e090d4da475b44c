using System.Text.Json;

namespace Corpus.Cli.Tests;

public sealed class BenchQueryCommandTests(SeedIndexFixture seed) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void Bench_query_reports_percentiles_for_every_mode_over_the_shared_queries()
    {
        var queries = Path.Combine(CliRunner.RepositoryRoot(), "bench", "queries.tsv");
        var run = CliRunner.Run("bench", "query", "--index", seed.IndexDir, "--queries", queries, "--runs", "1", "--json");
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var modes = report.RootElement.GetProperty("modes").EnumerateArray().ToList();
        Assert.Equal(
            ["search", "snippets", "date-filter", "facets", "occurrences", "all", "api", "timeline"],
            modes.Select(m => m.GetProperty("name").GetString()));
        var queryCount = File.ReadLines(queries).Count(l => l.Split('\t').Length >= 3);
        Assert.All(modes, m =>
        {
            Assert.Equal(queryCount, m.GetProperty("queries").GetInt32());
            Assert.True(m.GetProperty("p50Ms").GetDouble() <= m.GetProperty("p99Ms").GetDouble());
        });
        Assert.True(report.RootElement.GetProperty("peakWorkingSetMb").GetDouble() > 0);
    }

    [Fact]
    public void Bench_query_without_the_query_file_fails_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-queries-" + Guid.NewGuid().ToString("N") + ".tsv");
        var run = CliRunner.Run("bench", "query", "--index", seed.IndexDir, "--queries", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }
}
