using System.Text;
using System.Text.Json.Nodes;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

/// <summary>`corpus fillers` prints what /api/fillers and /fillers.csv serve for the same pattern, order and filters.</summary>
[Collection(AppCollection.Name)]
public sealed class FillersCommandTests(AppFixture app)
{
    private const string Pattern = "人民*安全";

    [Fact]
    public async Task Json_equals_the_api_and_csv_equals_the_download()
    {
        // The command opens its own index, so it reads a copy of the app's (the app keeps its writer open).
        var copy = ApiTests.CopyOfIndex(app);
        try
        {
            var json = Run("fillers", Pattern, "--index", copy, "--sort", "documents", "--limit", "7", "--json");
            var csv = Run("fillers", Pattern, "--index", copy, "--sort", "filler", "--csv");

            var body = await app.Client.GetStringAsync($"/api/fillers?q={Uri.EscapeDataString(Pattern)}&sort=documents&limit=7");
            var download = await app.Client.GetByteArrayAsync($"/fillers.csv?q={Uri.EscapeDataString(Pattern)}&sort=filler");

            Assert.Equal(0, json.Code);
            Assert.NotEmpty(JsonNode.Parse(body)!["rows"]!.AsArray());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(json.Output)), $"API:\n{body}\nCLI:\n{json.Output}");
            Assert.Equal(0, csv.Code);
            Assert.True(csv.Output.Split("\r\n").Length > 2, csv.Output);
            Assert.Equal(Encoding.UTF8.GetString(download), csv.Output);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Theory]
    [InlineData("疫情防控")]
    [InlineData(Pattern, "--sort", "1")]
    [InlineData(Pattern, "--limit", "0")]
    public void A_query_without_a_slot_or_a_bad_setting_exits_1_with_a_message(params string[] args)
    {
        var copy = ApiTests.CopyOfIndex(app);
        try
        {
            var run = Run(["fillers", .. args, "--index", copy]);
            Assert.Equal(1, run.Code);
            Assert.StartsWith("error:", run.Error);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Corpus.Cli.CorpusCli.Create(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
