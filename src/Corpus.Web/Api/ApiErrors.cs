namespace Corpus.Web.Api;

/// <summary>The API's one error shape: RFC 9457 problem details, the message users read in <c>detail</c>.</summary>
public static class ApiErrors
{
    public static IResult Result(int status, string message) => TypedResults.Problem(detail: message, statusCode: status);

    /// <summary>For middleware and filters that answer before an endpoint runs.</summary>
    public static Task Write(HttpContext context, int status, string message, CancellationToken cancellationToken = default)
    {
        context.Response.StatusCode = status;
        return Result(status, message).ExecuteAsync(context);
    }
}
