using System.Text.Json;

namespace Corpus.Cli.Tests;

public sealed class PatternCommandTests(SeedIndexFixture seed) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("疫情*")]
    [InlineData("疫情**防控")]
    [InlineData("疫情 NEAR/99 防控")]
    public void A_malformed_pattern_exits_1_with_a_message(string query)
    {
        var run = CliRunner.Run("search", query, "--index", seed.IndexDir);
        Assert.Equal(1, run.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(run.Error));
    }

    [Fact]
    public void Bench_patterns_reports_the_page_and_filler_figures_for_each_phrase_pair()
    {
        var queries = Path.Combine(CliRunner.RepositoryRoot(), "bench", "queries.tsv");
        var run = CliRunner.Run("bench", "patterns", "--index", seed.IndexDir, "--queries", queries, "--runs", "1", "--json");
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var modes = report.RootElement.GetProperty("modes").EnumerateArray().ToList();
        Assert.Equal(["page", "fillers"], modes.Select(m => m.GetProperty("name").GetString()));
        var pairs = File.ReadLines(queries).Count(l => l.Split('\t') is { Length: >= 4 } f && f[2].Length > 0 && f[3].Length > 0);
        Assert.True(pairs > 0);
        Assert.All(modes, m => Assert.Equal(pairs, m.GetProperty("queries").GetInt32()));
    }
}
