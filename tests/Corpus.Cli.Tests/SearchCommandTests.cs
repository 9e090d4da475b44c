using System.Text.Json;

namespace Corpus.Cli.Tests;

public sealed class SearchCommandTests(SeedIndexFixture seed) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void Search_json_counts_every_document_whose_text_holds_the_phrase()
    {
        const string phrase = "疫情防控";
        var run = CliRunner.Run("search", phrase, "--index", seed.IndexDir, "--json", "--size", "100");
        Assert.Equal(0, run.ExitCode);
        using var result = JsonDocument.Parse(run.Output);
        var export = CliRunner.Run("export", "--index", seed.IndexDir).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(d => (d.GetProperty("title").GetString() + "\n" + d.GetProperty("text").GetString())
                .Contains(phrase, StringComparison.Ordinal))
            .Select(d => d.GetProperty("id").GetString())
            .ToHashSet();
        Assert.Equal(export.Count, result.RootElement.GetProperty("total").GetInt32());
        var hits = result.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(export, hits.Select(h => h.GetProperty("id").GetString()).ToHashSet());
        // A snippet is its text and the hits' spans in it.
        Assert.All(hits, h =>
        {
            var snippet = h.GetProperty("snippets")[0];
            var text = snippet.GetProperty("text").GetString()!;
            Assert.Contains(snippet.GetProperty("hits").EnumerateArray(), span =>
                text.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()) == phrase);
        });
        var facets = result.RootElement.GetProperty("facets");
        Assert.Equal(export.Count, facets.GetProperty("kind").EnumerateObject().Sum(k => k.Value.GetInt32()));
    }

    [Fact]
    public void Search_text_output_lists_hits_with_marked_snippets()
    {
        var run = CliRunner.Run("search", "武汉", "--index", seed.IndexDir);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("【武汉】", run.Output);
    }

    [Theory]
    [InlineData("--from", "2020-13")]
    [InlineData("--to", "yesterday")]
    public void Search_with_a_broken_date_fails_with_a_message(string option, string value)
    {
        var run = CliRunner.Run("search", "疫情", "--index", seed.IndexDir, option, value);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }

    [Fact]
    public void Search_with_an_unknown_sort_is_a_query_to_correct_naming_the_sorts()
    {
        var run = CliRunner.Run("search", "疫情", "--index", seed.IndexDir, "--sort", "random");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: 未知的排序方式“random”：可用 relevance、date 或 date-asc。", run.Error.TrimEnd());
    }

    [Fact]
    public void Search_past_the_last_page_says_which_page_is_last()
    {
        var run = CliRunner.Run("search", "疫情", "--index", seed.IndexDir, "--page", "1000", "--size", "2");
        Assert.Equal(0, run.ExitCode);
        var total = int.Parse(run.Output.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"page 1000 is past the last page ({(total + 1) / 2})", run.Output);
    }

    [Fact]
    public void Search_help_names_the_sort_values_the_parser_accepts()
    {
        var help = CliRunner.Run("search", "--help").Output;
        Assert.Contains("relevance|date|date-asc", help);
        foreach (var sort in new[] { "relevance", "date", "date-asc" })
        {
            Assert.Equal(0, CliRunner.Run("search", "疫情", "--index", seed.IndexDir, "--sort", sort).ExitCode);
        }
    }

    [Fact]
    public void Search_without_an_index_fails_naming_the_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-index-" + Guid.NewGuid().ToString("N"));
        var run = CliRunner.Run("search", "疫情", "--index", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }

    [Fact]
    public void Stats_json_adds_up_to_the_document_count()
    {
        var run = CliRunner.Run("stats", "--index", seed.IndexDir, "--json");
        Assert.Equal(0, run.ExitCode);
        using var stats = JsonDocument.Parse(run.Output);
        var documents = stats.RootElement.GetProperty("documents").GetInt32();
        Assert.True(documents > 0);
        Assert.Equal(documents, stats.RootElement.GetProperty("kind").EnumerateObject().Sum(k => k.Value.GetInt32()));
        Assert.Equal(documents, stats.RootElement.GetProperty("year").EnumerateObject().Sum(k => k.Value.GetInt32())
            + UndatedCount(seed));
    }

    private static int UndatedCount(SeedIndexFixture seed)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(seed.ReportFile));
        return report.RootElement.GetProperty("documents").EnumerateArray()
            .Count(d => d.GetProperty("date").ValueKind == JsonValueKind.Null);
    }
}
