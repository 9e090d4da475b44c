namespace Corpus.Web.Hosting;

public static class HealthEndpoint
{
    /// <summary>200 "ready" once the index serves; 503 "ingesting" before, 503 "failed: why" after a failed ingest.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", (IndexReadiness readiness) => readiness.State switch
        {
            ReadinessState.Ready => Results.Text("ready"),
            ReadinessState.Ingesting => Results.Text("ingesting", statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Text($"failed: {readiness.FailureReason}", statusCode: StatusCodes.Status503ServiceUnavailable),
        }).DisableRateLimiting();
}
