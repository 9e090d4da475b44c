using System.Net;
using System.Text.Json;
using Corpus.Search;
using Corpus.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

/// <summary>Every route the app maps, asked with every method: no 5xx; pages answer GET and HEAD only.</summary>
[Collection(AppCollection.Name)]
public sealed class HttpMethodTests(AppFixture app)
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

    [Fact]
    public async Task No_route_answers_5xx_to_any_method()
    {
        var urls = RouteUrls();
        Assert.Contains("/about", urls);
        Assert.Contains(urls, url => url.StartsWith("/api/search", StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var url in urls)
        {
            foreach (var method in Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("q=疫情", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                }
                using var response = await app.Client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {url}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=疫情")]
    [InlineData("/about")]
    [InlineData("/concordance?q=疫情")]
    [InlineData("/documents/none")]
    public async Task Pages_refuse_methods_other_than_get_and_head_with_405(string url)
    {
        foreach (var method in new[] { "POST", "PUT", "DELETE", "TRACE", "PATCH" })
        {
            using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await app.Client.GetAsync(url);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/search?q=疫情")]
    [InlineData("/api/stats")]
    [InlineData("/api/concordance?q=疫情")]
    [InlineData("/concordance.csv?q=疫情")]
    public async Task The_api_answers_head_like_get_without_a_body(string url)
    {
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_status_page_answers_no_error_status_on_demand()
    {
        foreach (var code in new[] { 500, 502, 503, 404, 429 })
        {
            using var response = await app.Client.GetAsync($"/status/{code}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Api_errors_are_problem_details()
    {
        using var response = await app.Client.GetAsync("/api/search?q=疫情&sort=sideways");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.Contains("sideways", body.GetProperty("detail").GetString());

        using var missing = await app.Client.GetAsync("/api/no-such-endpoint");
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>Every mapped route as a URL: parameters filled with a real document id and a code, a query added.</summary>
    private List<string> RouteUrls()
    {
        var id = app.Search.Search(new SearchRequest(Samples.CommonPhrase)).Hits[0].Id;
        var sources = app.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => Url(endpoint.RoutePattern, id))
            .Distinct(StringComparer.Ordinal)
            .SelectMany(path => new[] { path, path + "?q=" + Uri.EscapeDataString(Samples.CommonPhrase) })
            .ToList();
    }

    private static string Url(RoutePattern pattern, string id)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { Name: "id" } => Uri.EscapeDataString(id),
            RoutePatternParameterPart => "500",
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
