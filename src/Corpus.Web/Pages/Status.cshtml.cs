using Corpus.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary>
/// The body for error statuses without one of their own (unknown routes, refused methods, unhandled exceptions),
/// only when the status-code or exception middleware re-executes a failed request here. Asked for directly, it is
/// not a page (404), so no URL answers an error status on demand.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Message => Code switch
    {
        404 => "没有这个页面。",
        405 => "不支持这种请求方式。",
        429 => "请求过于频繁，请稍后再试。",
        >= 500 => "服务器出了点问题，请稍后再试。",
        _ => "请求无法处理。",
    };

    /// <summary>
    /// Runs for every request method, with or without a handler: a re-executed request keeps its method (a failed
    /// POST or TRACE lands here too).
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var routeCode = RouteData.Values["code"] is string text && int.TryParse(text, out var parsed) ? parsed : 0;
        Code = original is not null && routeCode is >= 400 and <= 599 ? routeCode : StatusCodes.Status404NotFound;
        if (original is not null && original.StartsWith("/api", StringComparison.Ordinal))
        {
            context.Result = new ApiErrorResult(Code, Message);
            return;
        }
        Response.StatusCode = Code;
        context.Result = Page();
    }

    private sealed class ApiErrorResult(int code, string message) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => ApiErrors.Write(context.HttpContext, code, message);
    }
}
