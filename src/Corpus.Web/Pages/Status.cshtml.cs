using Corpus.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary>The page for error statuses without a body of their own (unknown routes, unhandled exceptions).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Message => Code switch
    {
        404 => "没有这个页面。",
        405 => "不支持这种请求方式。",
        >= 500 => "服务器出了点问题，请稍后再试。",
        _ => "请求无法处理。",
    };

    public IActionResult OnGet(int code) => Handle(code);

    public IActionResult OnPost(int code) => Handle(code);

    private IActionResult Handle(int code)
    {
        Code = code;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (original is not null && original.StartsWith("/api", StringComparison.Ordinal))
        {
            return new ApiErrorResult(code, Message);
        }
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        return Page();
    }

    private sealed class ApiErrorResult(int code, string message) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => ApiErrors.Write(context.HttpContext, code, message);
    }
}
