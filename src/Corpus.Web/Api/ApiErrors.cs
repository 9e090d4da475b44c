using System.Text.Json;
using Corpus.Search.Json;

namespace Corpus.Web.Api;

/// <summary>The API's one error shape: <c>{"error": "..."}</c>.</summary>
public static class ApiErrors
{
    public sealed record ErrorBody(string Error);

    public static IResult Result(int status, string message) =>
        Results.Json(new ErrorBody(message), CorpusJson.Options, statusCode: status);

    public static async Task Write(HttpContext context, int status, string message, CancellationToken cancellationToken = default)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorBody(message), CorpusJson.Options, cancellationToken);
    }
}
