using System.Threading.RateLimiting;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// Holds each merchant to its share of a budgeted provider's creates (<see cref="CallBudget.MerchantShareOfCreates"/>
/// of the creates' lane, at the rate the workers hold: <c>Worker:ProviderCallsPerSecond</c>), so one
/// merchant's burst leaves the rest of the lane to everyone else. Counted in this API process: behind n
/// API processes a merchant may reach n shares, so size n into the budget.
/// </summary>
public sealed class MerchantCreateShares : IDisposable
{
    private readonly PartitionedRateLimiter<(string Merchant, PaymentProvider Provider)> limiter;

    public MerchantCreateShares(IConfiguration configuration)
    {
        var rates = configuration.GetSection(CallBudget.RatesSection);
        limiter = PartitionedRateLimiter.Create<(string Merchant, PaymentProvider Provider), (string, PaymentProvider)>(key =>
        {
            var budget = ProviderProfiles.For(key.Provider).CallBudget;
            if (budget is null)
            {
                return RateLimitPartition.GetNoLimiter(key);
            }

            var callsPerSecond = budget.RateWith(rates.GetValue<double?>(key.Provider.ToSlug()));
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => ApiRateLimits.PerMinute(CallBudget.MerchantCreatesPerMinute(callsPerSecond)));
        });
    }

    /// <summary>Takes one of the merchant's creates at this provider; null when it may go ahead, else how long until the next.</summary>
    public TimeSpan? Take(string merchantId, PaymentProvider provider)
    {
        using var lease = limiter.AttemptAcquire((merchantId, provider));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
    }

    public void Dispose() => limiter.Dispose();
}
