using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Corpus.Search;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SecurityTests(AppFixture app)
{
    private const string Attack = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=疫情防控")]
    [InlineData("/api/search?q=疫情防控")]
    [InlineData("/concordance?q=疫情防控")]
    [InlineData("/about")]
    [InlineData("/documents/none")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_content_security_policy(string url)
    {
        var response = await app.Client.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [InlineData("/?q=")]
    [InlineData("/concordance?q=")]
    [InlineData("/documents/x?q=")]
    public async Task A_query_with_markup_comes_back_as_text(string prefix)
    {
        var page = await Html.Get(app.Client, prefix + Uri.EscapeDataString(Attack));

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Response.StatusCode);
        Assert.DoesNotContain("<script>alert", page.Source);
        Assert.DoesNotContain("<img src=x", page.Source);
        Assert.Empty(page.Document.QuerySelectorAll("img"));
        Assert.All(page.Document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source)));
        var box = page.Document.QuerySelector<IHtmlInputElement>("#q");
        if (box is not null)
        {
            Assert.Equal(Attack, box.Value);
        }
    }

    [Fact]
    public async Task Chinese_text_is_emitted_as_is_while_markup_stays_encoded()
    {
        var hit = app.Search.Search(new SearchRequest(Samples.CommonPhrase)).Hits[0];
        var query = Samples.CommonPhrase + " " + Attack;

        var results = await Html.Get(app.Client, "/?q=" + Uri.EscapeDataString(Samples.CommonPhrase));
        var withMarkup = await Html.Get(app.Client, "/?q=" + Uri.EscapeDataString(query));
        var document = await Html.Get(app.Client, $"/documents/{Uri.EscapeDataString(hit.Id)}?q={Uri.EscapeDataString(Samples.CommonPhrase)}");

        // The raw response text, not the parsed DOM: a numeric entity (&#x75AB;) would parse to the same text.
        Assert.Contains($"value=\"{Samples.CommonPhrase}\"", results.Source);
        // Titles carry the query's hits in <mark>: the text between the marks is emitted as is.
        Assert.Contains(hit.Title, Unmarked(results.Source));
        Assert.Contains($"<h1 id=\"doc-title\">{hit.Title}</h1>", Unmarked(document.Source));
        Assert.DoesNotContain($"&#x{(int)Samples.CommonPhrase[0]:X};", results.Source + document.Source, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Samples.CommonPhrase + " &lt;script&gt;", withMarkup.Source);
        Assert.DoesNotContain("<script>alert", withMarkup.Source);
    }

    [Fact]
    public async Task The_api_escapes_markup_in_json()
    {
        var response = await app.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(Attack) + "&from=" + Uri.EscapeDataString("<b>"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.DoesNotContain("<script>", body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=疫情防控")]
    [InlineData("/concordance?q=疫情防控")]
    [InlineData("/about")]
    public async Task Pages_have_no_inline_script_or_style(string url)
    {
        var page = await Html.Get(app.Client, url);

        Assert.All(page.Document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source)));
        Assert.Empty(page.Document.QuerySelectorAll("style"));
        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    private static string Unmarked(string html) => html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
}
