using System.Threading.RateLimiting;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// Keeps our requests inside a provider's published rate limit. Requests wait their turn in a short
/// queue; past it they fail retryably without being sent, and Temporal tries again later.
/// </summary>
public sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly RateLimiter limiter;

    public RateLimitingHandler(RateLimiter limiter)
    {
        this.limiter = limiter;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new LocalRateLimitException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
