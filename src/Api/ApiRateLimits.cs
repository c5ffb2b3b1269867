using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CheckoutOrchestrator.Api;

/// <summary>
/// The API's budgets (per merchant, per callback sender) refill a sixth every ten seconds (a budget
/// under six a minute: one token at a time), so a caller held back waits seconds, and Retry-After
/// says exactly how long.
/// </summary>
public static class ApiRateLimits
{
    private static readonly TimeSpan RefillEvery = TimeSpan.FromSeconds(10);

    public static TokenBucketRateLimiterOptions PerMinute(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 6),
        ReplenishmentPeriod = perMinute >= 6 ? RefillEvery : TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : RefillEvery;
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = context.HttpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Type = ApiProblems.TypeBase + "rate-limited",
                    Title = "Too many requests; retry after the Retry-After delay.",
                },
            });
        });
}
