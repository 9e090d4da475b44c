using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Corpus.Search;
using Corpus.Search.Json;
using Corpus.Web.Tests.Support;
using Serilog.Events;

namespace Corpus.Web.Tests;

/// <summary>Pattern queries over HTTP: the filler table as page, JSON and CSV, search within results, and bad patterns as 400s.</summary>
[Collection(AppCollection.Name)]
public sealed class PatternPageTests(AppFixture app)
{
    private const string Pattern = Samples.CommonPattern;

    [Fact]
    public async Task Fillers_json_equals_the_service_table()
    {
        var body = await app.Client.GetStringAsync($"/api/fillers?q={Uri.EscapeDataString(Pattern)}&sort=documents&limit=50");

        var expected = JsonSerializer.Serialize(app.Search.Fillers(new SearchRequest(Pattern), FillerSort.Documents, 50), CorpusJson.Options);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), body);
        Assert.True(JsonNode.Parse(body)!["rows"]!.AsArray().Count > 1);
    }

    [Fact]
    public async Task Fillers_csv_holds_every_row_and_each_query_finds_its_filler()
    {
        var response = await app.Client.GetAsync($"/fillers.csv?q={Uri.EscapeDataString(Pattern)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["filler", "match", "occurrences", "documents", "query"], rows[0]);
        var table = app.Search.Fillers(new SearchRequest(Pattern), FillerSort.Occurrences, SearchService.MaxFillerRows);
        Assert.Equal(table.Distinct, rows.Count - 1);
        Assert.Equal(table.Distinct.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Corpus-Total").Single());
        foreach (var row in rows.Skip(1))
        {
            var found = app.Search.Search(new SearchRequest(row[4]) { Size = 100 });
            Assert.True(found.Total >= int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), row[4]);
            Assert.All(found.Hits, h => Assert.True(h.Occurrences > 0));
        }
    }

    [Fact]
    public async Task Filler_page_sorts_and_links_each_filler_to_its_matches()
    {
        var page = await Html.Get(app.Client, $"/fillers?q={Uri.EscapeDataString(Pattern)}&sort=filler");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var fillers = page.Document.QuerySelectorAll("table.fillers tbody td.filler a").Select(a => a.Text()).ToList();
        Assert.True(fillers.Count > 1);
        Assert.Equal(fillers.Select(f => f == "（空）" ? "" : f).Order(StringComparer.Ordinal), fillers.Select(f => f == "（空）" ? "" : f));
        var link = page.Document.QuerySelector("table.fillers tbody td.filler a")!.Href(page.Document);
        Assert.StartsWith("/?q=", link);
        Assert.NotNull(page.Document.QuerySelector("th[aria-sort='ascending']"));
    }

    [Fact]
    public async Task Search_page_offers_the_filler_table_for_a_pattern_only()
    {
        var pattern = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Pattern)}");
        var phrase = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Samples.CommonPhrase)}");

        Assert.Contains(pattern.Document.QuerySelectorAll(".links a"), a => a.Text() == "填充统计");
        Assert.DoesNotContain(phrase.Document.QuerySelectorAll(".links a"), a => a.Text() == "填充统计");
        var marks = pattern.Document.QuerySelectorAll(".snippet mark").Select(m => Samples.WithoutSpaces(m.TextContent)).ToList();
        Assert.Contains(marks, m => m.StartsWith("疫情", StringComparison.Ordinal) && m.EndsWith("防控", StringComparison.Ordinal) && m.Length > 4);
    }

    [Theory]
    [InlineData("and", "疫情*防控 武汉")]
    [InlineData("not", "疫情*防控 -武汉")]
    [InlineData("not", "疫情*防控 -武汉 -湖北", "武汉 湖北")]
    public async Task Refining_adds_a_condition_and_keeps_the_filters(string mode, string expected, string refine = "武汉")
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        var response = await client.GetAsync($"/?q={Uri.EscapeDataString(Pattern)}&kind=讲话&from=2020&refine={Uri.EscapeDataString(refine)}&refine-mode={mode}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Equal(expected, location["q"].ToString());
        Assert.Equal("讲话", location["kind"].ToString());
        Assert.Equal("2020", location["from"].ToString());
        Assert.False(location.ContainsKey("refine"));
    }

    [Theory]
    [InlineData("/api/search?q=疫情*")]
    [InlineData("/api/search?q=**")]
    [InlineData("/api/search?q=疫情*99防控")]
    [InlineData("/api/search?q=疫情 NEAR")]
    [InlineData("/?q=疫情**防控")]
    [InlineData("/fillers?q=?")]
    [InlineData("/api/fillers?q=疫情防控")]
    [InlineData("/api/fillers?q=疫情*防控&limit=0")]
    [InlineData("/api/fillers?q=疫情*防控&sort=sideways")]
    [InlineData("/fillers.csv?q=疫情 NEAR/99 防控")]
    [InlineData("/documents/x?q=*疫情")]
    [InlineData("/concordance?q=疫情 NEAR -防控")]
    public async Task Malformed_patterns_answer_400_with_a_message(string url)
    {
        var mark = app.Logs.Mark();

        var response = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(body));
        Assert.DoesNotContain(app.Logs.Since(mark), e => e.Level >= LogEventLevel.Error);
    }
}
