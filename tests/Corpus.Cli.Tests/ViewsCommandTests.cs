using System.Text.Json;
using System.Text.Json.Nodes;
using Corpus.Search;
using Corpus.Search.Json;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Cli.Tests;

/// <summary>`corpus collocations` and `corpus frequencies` print what the API serves: the service's result in CorpusJson.</summary>
public sealed class ViewsCommandTests(SeedIndexFixture seed) : IClassFixture<SeedIndexFixture>
{
    private T FromService<T>(Func<SearchService, T> view)
    {
        using var index = new CorpusIndex(seed.IndexDir, NullLogger<CorpusIndex>.Instance);
        return view(new SearchService(index));
    }

    private static void AssertSameJson(object expected, string printed) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(expected, CorpusJson.Options)), JsonNode.Parse(printed)), printed);

    [Fact]
    public void Collocations_json_equals_the_service_result()
    {
        var run = CliRunner.Run("collocations", "疫情防控", "--index", seed.IndexDir, "--window", "3", "--min", "1", "--kind", "讲话", "--json");

        Assert.Equal(0, run.ExitCode);
        var expected = FromService(s => s.Collocations(new CollocationRequest(new SearchRequest("疫情防控", Kinds: ["讲话"]), 3, 1)));
        Assert.NotEmpty(expected.Collocates);
        AssertSameJson(expected, run.Output);
    }

    [Fact]
    public void Frequencies_json_equals_the_service_result()
    {
        var run = CliRunner.Run("frequencies", "--index", seed.IndexDir, "--from", "2020-03", "--compare", "--limit", "30", "--json");

        Assert.Equal(0, run.ExitCode);
        var expected = FromService(s => s.Frequencies(new FrequencyRequest(new SearchRequest("", From: new DateOnly(2020, 3, 1)), true, 30)));
        Assert.Equal(30, expected.Words.Count);
        AssertSameJson(expected, run.Output);
    }

    [Fact]
    public void Text_output_lists_the_collocates()
    {
        var run = CliRunner.Run("collocations", "疫情防控", "--index", seed.IndexDir);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("word\tcount", run.Output.Split('\n')[1]);
    }

    [Theory]
    [InlineData("collocations", "疫情", "--window", "0")]
    [InlineData("collocations", "疫情", "--from", "2020-13")]
    [InlineData("frequencies", "--limit", "0")]
    public void Bad_settings_exit_1_with_a_message(params string[] args)
    {
        var run = CliRunner.Run([.. args, "--index", seed.IndexDir]);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }
}
