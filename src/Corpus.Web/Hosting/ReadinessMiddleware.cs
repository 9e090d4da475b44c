using System.Net;
using Corpus.Web.Api;

namespace Corpus.Web.Hosting;

/// <summary>Answers 503 with a friendly message while there is no index to serve; /healthz and static files pass.</summary>
public sealed class ReadinessMiddleware(RequestDelegate next, IndexReadiness readiness)
{
    private const int RetryAfterSeconds = 10;

    public async Task InvokeAsync(HttpContext context)
    {
        if (readiness.State != ReadinessState.NotReady || context.Request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }
        var message = readiness.Failed
            ? "索引不可用，检索暂停。请查看服务器日志。"
            : "正在导入语料并建立索引，请稍候片刻再试。";
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiErrors.Write(context, StatusCodes.Status503ServiceUnavailable, message);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(BusyPage(message));
    }

    private static string BusyPage(string message) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="{RetryAfterSeconds}">
        <title>请稍候 · Corpus 语料检索</title>
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main id="main" class="wrap notice-page">
        <h1>请稍候</h1>
        <p>{WebUtility.HtmlEncode(message)}</p>
        <p class="muted">本页每 {RetryAfterSeconds} 秒自动刷新。</p>
        </main>
        </body>
        </html>
        """;
}
