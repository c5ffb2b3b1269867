using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Checkouts;

/// <summary>
/// How long a checkout's own workflow can live, at most: its deadline (a provider that keeps its session
/// longer moves it, up to <see cref="LongestDeadline"/>), the grace for a payment in flight, and the
/// late-payment watch. The patch policy and key rotation rest on <see cref="Longest"/>.
/// </summary>
public static class CheckoutLife
{
    /// <summary>The latest a deadline may be after the checkout started, whoever set it: the longest expiry a merchant may ask for.</summary>
    public static readonly TimeSpan LongestDeadline = TimeSpan.FromSeconds(CheckoutValidator.MaxExpirySeconds);

    /// <summary>How much longer a payment in flight (or a provider that cannot be asked) is followed past the deadline.</summary>
    public static readonly TimeSpan ProcessingGrace = TimeSpan.FromMinutes(10);

    /// <summary>The longest late-payment watch any poll plan may have.</summary>
    public static readonly TimeSpan LongestWatch = TimeSpan.FromHours(25);

    /// <summary>49 hours 10 minutes: no checkout workflow started before a release is still running this long after it.</summary>
    public static readonly TimeSpan Longest = LongestDeadline + ProcessingGrace + LongestWatch;
}
