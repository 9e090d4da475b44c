using System.Net;
using System.Text.Json;
using Corpus.Web.Tests.Support;
using Serilog.Events;

namespace Corpus.Web.Tests;

/// <summary>Whatever users put in the URL, a bad parameter is a 400 with a message, never a 500 or an error in the log.</summary>
[Collection(AppCollection.Name)]
public sealed class BadParameterTests(AppFixture app)
{
    public static TheoryData<string> BadQueries => new()
    {
        "q=疫情&sort=sideways",
        "q=疫情&from=2020-13",
        "q=疫情&from=yesterday",
        "q=疫情&to=2020-02-30",
        "q=疫情&from=2021&to=2020",
        "q=疫情&page=1000000000",
        "q=疫情&page=99999999999999999999",
        "q=疫情&page=abc",
        "q=疫情&page=0",
        "q=疫情&page=-1",
        "q=疫情&size=101",
        "q=疫情&size=0",
        "q=疫情&size=100&page=101",
        "q=" + new string('a', 10_000),
        "q=" + new string('疫', 3_000),
        "q=疫情&q=防控",
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Api_answers_400_with_a_message(string query)
    {
        var mark = app.Logs.Mark();

        var response = await app.Client.GetAsync("/api/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        AssertNoErrorsLogged(mark);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Search_page_answers_400_and_shows_the_message(string query)
    {
        var mark = app.Logs.Mark();

        var page = await Html.Get(app.Client, "/?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector(".alert[role='alert']")?.TextContent));
        Assert.Empty(page.Document.QuerySelectorAll("li.hit-item"));
        AssertNoErrorsLogged(mark);
    }

    [Theory]
    [InlineData("/concordance?q=疫情&sort=sideways")]
    [InlineData("/concordance?q=疫情&sort=left,right,left1,right1")]
    [InlineData("/api/concordance?q=疫情&after=garbage")]
    [InlineData("/api/concordance?q=疫情&context=0")]
    [InlineData("/api/concordance?q=疫情&size=5000")]
    [InlineData("/api/concordance?q=疫情&group=weekday")]
    [InlineData("/api/concordance?q=疫情&collation=klingon")]
    [InlineData("/api/collocations")]
    [InlineData("/api/collocations?q=疫情&window=0")]
    [InlineData("/api/collocations?q=疫情&window=x")]
    [InlineData("/collocations?q=疫情&window=99")]
    [InlineData("/api/frequencies?compare=other")]
    [InlineData("/frequencies?from=never")]
    [InlineData("/api/concordance?q=疫情&sort=sideways")]
    [InlineData("/concordance.csv?q=疫情&from=20200")]
    [InlineData("/api/concordance")]
    [InlineData("/api/search")]
    [InlineData("/documents/x?from=never")]
    public async Task Other_pages_and_endpoints_answer_400_too(string url)
    {
        var mark = app.Logs.Mark();

        var response = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoErrorsLogged(mark);
    }

    [Theory]
    [InlineData("GET", "/?q=%22unclosed")]
    [InlineData("GET", "/?q=OR")]
    [InlineData("GET", "/?q=-%E7%96%AB%E6%83%85")]
    [InlineData("GET", "/?q=title%3A")]
    [InlineData("GET", "/?q=%FF%FE")]
    [InlineData("GET", "/?page=1.5")]
    [InlineData("GET", "/documents/%00")]
    [InlineData("GET", "/api/search?q=%22")]
    [InlineData("GET", "/api/concordance?q=-%E7%96%AB%E6%83%85")]
    [InlineData("POST", "/")]
    [InlineData("POST", "/api/search?q=x")]
    [InlineData("HEAD", "/?q=%E7%96%AB%E6%83%85")]
    public async Task Odd_requests_never_fail_on_the_server(string method, string url)
    {
        var mark = app.Logs.Mark();

        var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.True((int)response.StatusCode < 500, $"{method} {url}: {(int)response.StatusCode}");
        AssertNoErrorsLogged(mark);
    }

    private void AssertNoErrorsLogged(int mark) =>
        Assert.DoesNotContain(app.Logs.Since(mark), e => e.Level >= LogEventLevel.Error);
}
