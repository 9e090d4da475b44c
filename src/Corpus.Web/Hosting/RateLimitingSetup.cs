using System.Globalization;
using System.Threading.RateLimiting;
using Corpus.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Corpus.Web.Hosting;

/// <summary>Per-client-IP fixed window on /api/*, from the <c>RateLimiting</c> configuration section.</summary>
public static class RateLimitingSetup
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Read when the options are first used, so configuration added after Program's builder (tests) counts too.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection("RateLimiting");
            var disabled = section.GetValue("Disabled", false);
            var permits = section.GetValue("PermitsPerMinute", 600);
            options.AddPolicy(ApiPolicy, context => disabled
                ? RateLimitPartition.GetNoLimiter("all")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiErrors.Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"请求过于频繁：每个地址每分钟最多 {permits} 次 API 请求，请稍后再试。", cancellationToken);
            };
        });
        return services;
    }
}
