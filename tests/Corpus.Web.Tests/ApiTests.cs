using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Corpus.Search;
using Corpus.Search.Json;
using Corpus.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

/// <summary>The API answers exactly what the CLI prints for the same request: SearchService's result in CorpusJson.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiTests(AppFixture app)
{
    public static TheoryData<string> SearchQueries => new()
    {
        "q=疫情防控",
        "q=疫情防控&sort=date&page=2&size=3",
        "q=疫情防控&sort=date-asc&from=2020-03&to=2020",
        "q=疫情 -武汉",
        "q=人民战争 总体战&kind=讲话&kind=考察",
    };

    [Theory]
    [MemberData(nameof(SearchQueries))]
    public async Task Search_json_equals_the_service_result_in_the_cli_json_shape(string query)
    {
        var body = await app.Client.GetStringAsync("/api/search?" + Escape(query));

        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var request = new SearchRequest(
            parameters["q"].ToString(),
            parameters.TryGetValue("from", out var from) ? DateBound.Parse(from.ToString(), upper: false) : null,
            parameters.TryGetValue("to", out var to) ? DateBound.Parse(to.ToString(), upper: true) : null,
            parameters.TryGetValue("venue", out var venues) ? venues.Select(v => v!).ToArray() : [],
            parameters.TryGetValue("kind", out var kinds) ? kinds.Select(k => k!).ToArray() : [],
            parameters.TryGetValue("sort", out var sort) ? JsonSerializer.Deserialize<SearchSort>($"\"{sort}\"", CorpusJson.Options) : SearchSort.Relevance,
            parameters.TryGetValue("page", out var page) ? int.Parse(page.ToString()) : 1,
            parameters.TryGetValue("size", out var size) ? int.Parse(size.ToString()) : 10);
        var expected = JsonSerializer.Serialize(app.Search.Search(request), CorpusJson.Indented);

        Assert.True(JsonNode.DeepEquals(WithoutElapsed(expected), WithoutElapsed(body)), $"API:\n{body}\nCLI:\n{expected}");
    }

    [Fact]
    public async Task Search_json_equals_what_the_corpus_command_prints()
    {
        // The command opens its own index, so it reads a copy of the app's (the app keeps its writer open).
        var copy = CopyOfIndex(app);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Corpus.Cli.CorpusCli.Create(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Parse(["search", "疫情防控", "--index", copy, "--sort", "date", "--size", "3", "--page", "2", "--json"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        var body = await app.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("疫情防控") + "&sort=date&size=3&page=2");

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(WithoutElapsed(output.ToString()), WithoutElapsed(body)), $"API:\n{body}\nCLI:\n{output}");
        Directory.Delete(copy, recursive: true);
    }

    [Theory]
    [InlineData("sort=random", "--sort", "random")]
    [InlineData("sort=date-desc-and-then-some-more", "--sort", "date-desc-and-then-some-more")]
    [InlineData("from=2020-13", "--from", "2020-13")]
    [InlineData("to=yesterday", "--to", "yesterday")]
    public async Task A_bad_sort_or_date_gets_the_same_message_from_the_api_and_the_corpus_command(string parameter, string option, string value)
    {
        var copy = CopyOfIndex(app);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Corpus.Cli.CorpusCli.Create(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Parse(["search", "疫情防控", "--index", copy, option, value])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        Directory.Delete(copy, recursive: true);

        var response = await app.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("疫情防控") + "&" + parameter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains(value[..Math.Min(value.Length, 20)], detail, StringComparison.Ordinal);
        Assert.Equal(1, code);
        Assert.Equal("", output.ToString());
        Assert.Equal($"error: {detail}", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Document_json_equals_the_service_view()
    {
        var hit = app.Search.Search(new SearchRequest(Samples.CommonPhrase)).Hits[0];

        var body = await app.Client.GetStringAsync($"/api/documents/{Uri.EscapeDataString(hit.Id)}?q={Uri.EscapeDataString(Samples.CommonPhrase)}");

        var expected = JsonSerializer.Serialize(app.Search.GetDocument(hit.Id, Samples.CommonPhrase), CorpusJson.Options);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)));
        Assert.Equal(hit.Occurrences, JsonNode.Parse(body)!["hits"]!.AsArray().Count + JsonNode.Parse(body)!["titleHits"]!.AsArray().Count);
    }

    [Fact]
    public async Task Concordance_pages_over_http_and_the_streamed_csv_hold_every_line_of_the_service_in_order()
    {
        var phrase = Samples.CommonPhrase;
        var request = new ConcordanceRequest(new SearchRequest(phrase), [ConcordanceKey.Right1, ConcordanceKey.Left], Size: 7);
        var first = app.Search.Concordance(request);
        Assert.NotNull(first.Next);

        var json = await app.Client.GetStringAsync($"/api/concordance?q={Uri.EscapeDataString(phrase)}&sort=right1,left&size=7");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(first, CorpusJson.Options)), JsonNode.Parse(json)));
        var lines = new List<JsonNode>();
        for (var page = JsonNode.Parse(json)!; ; )
        {
            lines.AddRange(page["lines"]!.AsArray().Select(l => l!));
            if (page["next"] is not { } next)
            {
                break;
            }
            page = JsonNode.Parse(await app.Client.GetStringAsync(
                $"/api/concordance?q={Uri.EscapeDataString(phrase)}&sort=right1,left&size=7&after={Uri.EscapeDataString(next.GetValue<string>())}"))!;
        }
        var all = app.Search.ConcordanceLines(request, out var total).ToList();
        Assert.Equal(first.Total, total);
        Assert.Equal(total, lines.Count);
        Assert.Equal(all.Select(l => (l.Id, l.Offset)), lines.Select(l => (l["id"]!.GetValue<string>(), l["offset"]!.GetValue<int>())));

        var response = await app.Client.GetAsync($"/concordance.csv?q={Uri.EscapeDataString(phrase)}&sort=right1,left");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{phrase}-语境索引.csv", response.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["id", "title", "date", "venue", "kind", "url", "left", "match", "right", "offset"], rows[0]);
        Assert.Equal(
            all.Select(l => (Csv.AsText(l.Id), l.Date?.ToString("yyyy-MM-dd") ?? "", Csv.AsText(l.Venue ?? ""), l.Kind,
                new Uri(app.BaseAddress, $"/documents/{Uri.EscapeDataString(l.Id)}?q={Uri.EscapeDataString(phrase)}").AbsoluteUri,
                Csv.AsText(l.Left), Csv.AsText(l.Match), Csv.AsText(l.Right), l.Offset.ToString())),
            rows.Skip(1).Select(r => (r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9])));
        Assert.Equal(total.ToString(), Assert.Single(response.Headers.GetValues("X-Corpus-Total")));

        var viaApi = await app.Client.GetByteArrayAsync($"/api/concordance?q={Uri.EscapeDataString(phrase)}&sort=right1,left&format=csv");
        Assert.Equal(bytes, viaApi);
    }

    [Theory]
    [InlineData("/api/concordance?q=人民&group=venue", "venue")]
    [InlineData("/api/concordance?q=人民&group=leftword", "leftword")]
    [InlineData("/api/collocations?q=人民&window=3", null)]
    [InlineData("/api/frequencies?kind=讲话&compare=corpus&limit=50", null)]
    public async Task Views_json_equals_the_service_result(string url, string? group)
    {
        var body = JsonNode.Parse(await app.Client.GetStringAsync(url))!;

        object expected = url switch
        {
            _ when group is not null => app.Search.ConcordanceGroups(new ConcordanceRequest(new SearchRequest("人民"), []), ConcordanceNames.ParseGrouping(group)),
            _ when url.Contains("collocations") => app.Search.Collocations(new CollocationRequest(new SearchRequest("人民"), 3)),
            _ => app.Search.Frequencies(new FrequencyRequest(new SearchRequest("", Kinds: ["讲话"]), Compare: true, Limit: 50)),
        };
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(expected, CorpusJson.Options)), body));
        if (url.Contains("collocations"))
        {
            Assert.True(body["occurrences"]!.GetValue<int>() > 0);
            var collocate = body["collocates"]!.AsArray()[0]!.AsObject();
            Assert.All(new[] { "word", "count", "logDice", "mi" }, name => Assert.True(collocate.ContainsKey(name), name));
        }
    }

    [Theory]
    [InlineData("/concordance.csv?q=")]
    [InlineData("/api/concordance?format=csv&q=")]
    public async Task Head_on_the_csv_answers_like_get_without_a_body(string prefix)
    {
        var url = prefix + Uri.EscapeDataString(Samples.CommonPhrase);
        var get = await app.Client.GetAsync(url);

        var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/csv", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(get.Headers.GetValues("X-Corpus-Total"), head.Headers.GetValues("X-Corpus-Total"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Stats_json_equals_the_service()
    {
        var body = await app.Client.GetStringAsync("/api/stats");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(app.Search.Stats(), CorpusJson.Options)), JsonNode.Parse(body)));
    }

    private static string Escape(string query) => string.Join('&', query.Split('&').Select(pair =>
    {
        var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
        return name + "=" + Uri.EscapeDataString(value);
    }));

    internal static string CopyOfIndex(AppFixture app)
    {
        var source = app.Factory.Services.GetRequiredService<CorpusPaths>().IndexDir;
        var copy = CorpusApp.TempDir("cli-index");
        foreach (var file in Directory.EnumerateFiles(source).Where(f => Path.GetFileName(f) != "write.lock"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    private static JsonNode WithoutElapsed(string json)
    {
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("elapsedMs");
        return node;
    }
}
