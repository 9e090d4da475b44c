using System.Net;
using Corpus.Web.Api;
using Corpus.Web.Pages;

namespace Corpus.Web.Hosting;

/// <summary>Answers 503 with a message saying why while there is no index to serve (no index yet, or a damaged one being
/// rebuilt: its readable part is not served, since a damaged file makes queries miss documents), as an HTML page, or as
/// problem details under /api; /healthz passes.</summary>
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
        var message = (readiness.Damaged, readiness.Failed) switch
        {
            (true, true) => "索引文件已损坏，且没有可供重建的语料，暂时无法检索。请联系网站管理员。",
            (true, false) => "索引文件已损坏，正在根据语料重建。损坏的索引会漏掉文档，因此重建完成前暂停检索，请稍候再试。",
            (false, true) => "索引不可用，检索暂停。请查看服务器日志。",
            _ => "正在导入语料并建立索引，请稍候片刻再试。",
        };
        if (readiness.Ingest?.Progress is { } progress)
        {
            var unit = progress.CountsDocuments ? "篇文档" : "个文件";
            message += $"（进度：{AboutModel.StageLabel(progress.Stage)}，{progress.FilesDone:N0}/{progress.FilesTotal:N0} {unit}）";
        }
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
