using System.Text.Json;
using Corpus.Ingest.Model;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

/// <summary>While a damaged index is rebuilt nothing of it is served: pages and the API say so, and how far the rebuild is.</summary>
public sealed class ReadinessMiddlewareTests
{
    [Theory]
    [InlineData("/search")]
    [InlineData("/document/abc")]
    [InlineData("/api/search")]
    [InlineData("/api/stats")]
    public async Task A_damaged_index_being_rebuilt_is_not_served_and_every_answer_says_why(string path)
    {
        var readiness = new IndexReadiness();
        readiness.MarkNotReady("the index is damaged (CorruptIndexException: checksum failed); rebuilding it from the corpus", damaged: true);
        readiness.IngestStarted();
        readiness.ReportProgress(new IngestProgress("read", 1234, 5678, 1_000_000, 1300));
        var reached = false;
        var middleware = new ReadinessMiddleware(_ => { reached = true; return Task.CompletedTask; }, readiness);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("10", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var message = path.StartsWith("/api/", StringComparison.Ordinal)
            ? JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!
            : body;
        Assert.StartsWith(path.StartsWith("/api/", StringComparison.Ordinal) ? "application/problem+json" : "text/html", context.Response.ContentType);
        Assert.Contains("索引文件已损坏，正在根据语料重建", message);
        Assert.Contains("1,234/5,678", message);
    }

    [Fact]
    public async Task Health_checks_pass_through_while_the_index_is_rebuilt()
    {
        var readiness = new IndexReadiness();
        readiness.MarkNotReady("the index is damaged; rebuilding it from the corpus", damaged: true);
        var reached = false;
        var middleware = new ReadinessMiddleware(_ => { reached = true; return Task.CompletedTask; }, readiness);
        var context = new DefaultHttpContext();
        context.Request.Path = "/healthz/live";

        await middleware.InvokeAsync(context);

        Assert.True(reached);
    }
}
