using System.Text.Json;
using Corpus.Ingest.Model;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

/// <summary>What the site answers while the index is still being built.</summary>
public sealed class ReadinessTests
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/documents/abc", "text/html")]
    [InlineData("/api/search", "application/problem+json")]
    public async Task While_ingesting_pages_and_api_answer_503_with_a_message_and_retry_after(string path, string mediaType)
    {
        var (context, passed) = await Invoke(new IndexReadiness(), path);

        Assert.False(passed);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
        Assert.StartsWith(mediaType, context.Response.ContentType);
        var body = Body(context);
        Assert.Contains("正在导入语料", mediaType == "application/problem+json" ? JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() : body);
    }

    [Theory]
    [InlineData("/search?q=的", "text/html")]
    [InlineData("/about", "text/html")]
    [InlineData("/api/search?q=的", "application/problem+json")]
    [InlineData("/api/stats", "application/problem+json")]
    public async Task While_a_damaged_index_is_rebuilt_nothing_of_it_is_served_and_every_answer_says_why(string path, string mediaType)
    {
        var readiness = new IndexReadiness();
        readiness.MarkNotReady("the index is damaged (CorruptIndexException: checksum failed); rebuilding it from the corpus", damaged: true);
        readiness.IngestStarted();
        readiness.ReportProgress(new IngestProgress("read", 1234, 5678, 1_000_000, 1300));

        var (context, passed) = await Invoke(readiness, path);

        Assert.False(passed);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.StartsWith(mediaType, context.Response.ContentType);
        var body = Body(context);
        var message = mediaType == "application/problem+json" ? JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() : body;
        Assert.Contains("索引文件已损坏，正在根据语料重建", message);
        Assert.Contains("1,234/5,678", message);
    }

    [Fact]
    public async Task Health_checks_pass_through_while_ingesting()
    {
        var (_, passed) = await Invoke(new IndexReadiness(), "/healthz");

        Assert.True(passed);
    }

    [Fact]
    public async Task Once_ready_every_request_passes_through()
    {
        var readiness = new IndexReadiness();
        readiness.MarkReady();

        var (_, passed) = await Invoke(readiness, "/api/search");

        Assert.True(passed);
    }

    private static async Task<(HttpContext Context, bool Passed)> Invoke(IndexReadiness readiness, string path)
    {
        var passed = false;
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        await new ReadinessMiddleware(_ => { passed = true; return Task.CompletedTask; }, readiness).InvokeAsync(context);
        return (context, passed);
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
