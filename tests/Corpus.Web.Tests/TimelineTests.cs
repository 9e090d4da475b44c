using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Corpus.Search;
using Corpus.Search.Json;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

/// <summary>The timeline over real HTTP: the API's JSON is the service's (and the CLI's), the CSV holds the same rows, the page draws an accessible SVG.</summary>
[Collection(AppCollection.Name)]
public sealed class TimelineTests(AppFixture app)
{
    private const string Second = "武汉";

    [Fact]
    public async Task Api_json_has_the_documented_shape_and_equals_the_service_and_the_cli()
    {
        var url = $"/api/timeline?q={Uri.EscapeDataString(Samples.CommonPhrase)}&q={Uri.EscapeDataString(Second)}&unit=week&from=2020-01";
        var body = JsonNode.Parse(await app.Client.GetStringAsync(url))!;

        Assert.Equal(["unit", "series"], body.AsObject().Select(p => p.Key));
        Assert.Equal("week", body["unit"]!.GetValue<string>());
        var series = body["series"]!.AsArray();
        Assert.Equal([Samples.CommonPhrase, Second], series.Select(s => s!["query"]!.GetValue<string>()));
        Assert.All(series, s => Assert.All(s!["buckets"]!.AsArray(), b =>
            Assert.Equal(["start", "documents", "occurrences", "characters"], b!.AsObject().Select(p => p.Key))));
        var expected = app.Search.Timeline(new TimelineRequest([Samples.CommonPhrase, Second], new DateOnly(2020, 1, 1), Unit: TimelineUnit.Week));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(expected, CorpusJson.Options)), body));
        // Every matching dated document is in some week.
        var dated = app.Search.AllDocuments().Where(d => d.Date >= new DateOnly(2020, 1, 1)).ToList();
        Assert.Equal(
            dated.Count(d => Samples.CountOccurrences(d.Title, Samples.CommonPhrase) + Samples.CountOccurrences(d.Text, Samples.CommonPhrase) > 0),
            expected.Series[0].Buckets.Sum(b => b.Documents));

        var copy = ApiTests.CopyOfIndex(app);
        var output = new StringWriter();
        var code = Corpus.Cli.CorpusCli.Create(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Parse(["timeline", Samples.CommonPhrase, Second, "--index", copy, "--unit", "week", "--from", "2020-01", "--json"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });
        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(output.ToString()), body), $"CLI:\n{output}");
        Directory.Delete(copy, recursive: true);
    }

    [Fact]
    public async Task Csv_holds_one_row_per_query_and_period()
    {
        var response = await app.Client.GetAsync($"/api/timeline?q={Uri.EscapeDataString(Samples.CommonPhrase)}&format=csv&unit=day");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        var result = app.Search.Timeline(new TimelineRequest([Samples.CommonPhrase], Unit: TimelineUnit.Day));

        Assert.Equal(["query", "unit", "start", "documents", "occurrences", "characters", "occurrences_per_million"], rows[0]);
        Assert.Equal(
            result.Series[0].Buckets.Select(b => $"{Samples.CommonPhrase},day,{b.Start:yyyy-MM-dd},{b.Documents},{b.Occurrences},{b.Characters}"),
            rows.Skip(1).Select(r => string.Join(',', r.Take(6))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=a&q=b&q=c&q=d&q=e")]
    [InlineData("q=疫情&unit=decade")]
    [InlineData("q=疫情&from=2021&to=2020")]
    [InlineData("q=\"疫情")]
    public async Task Bad_parameters_get_400_with_a_message(string query)
    {
        var response = await app.Client.GetAsync("/api/timeline?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_draws_an_svg_whose_periods_are_named_and_link_to_the_search_in_that_period()
    {
        var page = await Html.Get(app.Client, $"/timeline?q={Uri.EscapeDataString(Samples.CommonPhrase)}&q={Uri.EscapeDataString(Second)}&unit=day");
        var result = app.Search.Timeline(new TimelineRequest([Samples.CommonPhrase, Second], Unit: TimelineUnit.Day));

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.DoesNotContain("style=", page.Source, StringComparison.Ordinal);
        var svg = page.Document.QuerySelector("svg.timeline-chart")!;
        Assert.NotNull(svg.QuerySelector("title"));
        var periods = svg.QuerySelectorAll("a.period").ToList();
        Assert.Equal(result.Series[0].Buckets.Count, periods.Count);
        foreach (var (link, bucket) in periods.Zip(result.Series[0].Buckets))
        {
            var name = link.GetAttribute("aria-label")!;
            var day = $"{bucket.Start:yyyy-MM-dd}";
            Assert.StartsWith(day, name);
            Assert.Contains($"{Samples.CommonPhrase} {bucket.Occurrences} 处、{bucket.Documents} 篇", name);
            Assert.Contains($"{Second} ", name);
            var href = link.Href(page.Document);
            Assert.Contains("from=" + day, href);
            Assert.Contains("to=" + day, href);
        }
        Assert.Equal(2, svg.QuerySelectorAll("polyline").Select(p => p.ClassList.First(c => c.StartsWith("series-", StringComparison.Ordinal) && char.IsDigit(c[^1]))).Distinct().Count());
    }
}
