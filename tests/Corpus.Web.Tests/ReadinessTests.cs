using System.Text.Json;
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
