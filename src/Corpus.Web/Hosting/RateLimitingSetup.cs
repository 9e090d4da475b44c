using System.Globalization;
using System.Threading.RateLimiting;
using Corpus.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Corpus.Web.Hosting;

/// <summary>
/// Two limits on the costly endpoints: a token bucket per client address (<see cref="ClientPolicy"/>: search page,
/// document page, concordance page and CSV, API) and, on the concordance, a cap on how many run at once over all
/// clients (endpoints carrying <see cref="ConcordanceCostAttribute"/>).
/// </summary>
public static class RateLimitingSetup
{
    public const string ClientPolicy = "client";

    public static IServiceCollection AddCorpusRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            // One token every 60/PermitsPerMinute seconds, so a refused client learns when the next one comes.
            var refill = TimeSpan.FromMinutes(1) / limits.PermitsPerMinute;
            options.AddPolicy(ClientPolicy, context => limits.Disabled
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.PermitsPerMinute,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = refill,
                    QueueLimit = 0,
                }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                limits.Disabled || context.GetEndpoint()?.Metadata.GetMetadata<ConcordanceCostAttribute>() is null
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetConcurrencyLimiter("concordance", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.ConcordanceConcurrency,
                        QueueLimit = limits.ConcordanceQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                // A token bucket knows when the next token comes; a full concurrency queue clears within a second or so.
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var message = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out _)
                    ? $"请求过于频繁：每个地址每分钟最多 {limits.PermitsPerMinute} 次检索，请 {seconds} 秒后再试。"
                    : $"服务器正忙于其他语境检索，请 {seconds} 秒后再试。";
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/concordance.csv")
                    || context.Request.Path.StartsWithSegments("/fillers.csv"))
                {
                    await ApiErrors.Write(context, StatusCodes.Status429TooManyRequests, message, cancellationToken);
                    return;
                }
                // Pages: the status page says it in the site's layout.
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            };
        });
        return services;
    }
}
