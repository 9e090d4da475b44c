using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Corpus.Web.Hosting;

/// <summary>
/// Liveness (<c>/healthz/live</c>: 200 while the process runs, ingesting or not, so an orchestrator never kills a
/// long ingest) and readiness (<c>/healthz/ready</c>, and <c>/healthz</c> for existing users): 200 "ready",
/// 200 "degraded: why" (serving, but something needs attention), 503 "not ready: why".
/// </summary>
public static class HealthEndpoint
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCorpusHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: [ReadyTag]);
        return services;
    }

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var readiness = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadiness };
        app.MapHealthChecks("/healthz", readiness).DisableRateLimiting();
        app.MapHealthChecks("/healthz/ready", readiness).DisableRateLimiting();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteLiveness })
            .DisableRateLimiting();
    }

    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reason = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        return context.Response.WriteAsync(report.Status switch
        {
            HealthStatus.Healthy => "ready",
            HealthStatus.Degraded => $"degraded: {reason}",
            _ => $"not ready: {reason}",
        });
    }

    private static Task WriteLiveness(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("live");
    }

    private sealed class IndexHealthCheck(IndexReadiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(readiness.State switch
            {
                ReadinessState.Ready => HealthCheckResult.Healthy(),
                ReadinessState.Degraded => HealthCheckResult.Degraded(readiness.Reason),
                _ => HealthCheckResult.Unhealthy(readiness.Reason),
            });
    }
}
